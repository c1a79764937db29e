import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseHead } from '../../../../shared/domain/case-head';
import { unpackBodies, packCase, packPage, parseCase, unpackPage } from '../../../../shared/vault-format/vault-rows';
import { IntegrityError } from '../../../../shared/crypto/errors';
import { emptyCaseFields } from '../../../../shared/domain/case';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import type { CaseFile } from '../../../../shared/domain/case-file';

const AT = '2026-04-01T09:00:00.000Z';

function snapshot(i: number, text = `Бажкенова v. Акимат № ${i}`): CaseFile {
  return {
    caseTag: `case-${i}`,
    record: {
      ...emptyCaseFields('criminal-case'),
      title: text,
      court: 'Алматы қаласының мамандандырылған ауданаралық соты',
      summary: `Описание ${i}: ${text.repeat(20)}`,
      privilegedNotes: `Источник ${i} — не раскрывать`,
      createdAt: AT,
      updatedAt: AT,
      history: [{ at: AT, action: 'case-created', changes: [] }],
      quick: false,
      deadlines: [{ id: `d${i}`, what: 'Апелляция', due: '2026-05-01', time: '', reminder: 'none', done: false }],
    },
    entries: [
      {
        id: `e${i}`,
        record: {
          ...emptyEntryFields('2026-04-02'),
          kind: 'hearing',
          outcome: 'Отложено',
          createdAt: AT,
          updatedAt: AT,
        },
      },
    ],
    attachments: [],
  };
}

describe('a page of cases', () => {
  it('opens with every case head and gives each case back whole, on demand', async () => {
    const cases = Array.from({ length: 40 }, (_, i) => snapshot(i));
    const opened = await unpackPage(await packPage(cases.map(packCase)), 'p01');
    expect(opened.heads).toEqual(cases.map(caseHead));
    expect(unpackBodies(opened, 'p01').map((item) => parseCase(item, 'p01'))).toEqual(cases);
  });

  it('keeps long texts and the history out of the heads the list is built from', () => {
    const head = caseHead(snapshot(1));
    expect(head.record.title).toBe('Бажкенова v. Акимат № 1');
    expect(head.record.deadlines.map((d) => d.what)).toEqual(['Апелляция']);
    expect(head.timeline).toEqual([{ id: 'e1', kind: 'hearing', date: '2026-04-02' }]);
    expect(JSON.stringify(head)).not.toMatch(/Источник|Описание|case-created/);
  });

  it('round-trips any text, in any script', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { maxLength: 12 }), async (titles) => {
        const cases = titles.map((title, i) => snapshot(i, title));
        const opened = await unpackPage(await packPage(cases.map(packCase)), 'p02');
        expect(unpackBodies(opened, 'p02').map((item) => parseCase(item, 'p02'))).toEqual(cases);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a page of another format, a cut page and a damaged case, naming the page', async () => {
    const payload = await packPage([snapshot(1), snapshot(2)].map(packCase));
    const other = payload.slice();
    other[0] = 2;
    await expect(unpackPage(other, 'p03')).rejects.toThrow(/pages\/p03.*another version of Qorgau/);
    // Cut anywhere: the heads do not open, or the bodies do not (they are read when a case is opened).
    for (let length = 0; length < payload.byteLength; length += 7) {
      const read = unpackPage(payload.slice(0, length), 'p03').then((page) => unpackBodies(page, 'p03'));
      await expect(read).rejects.toBeInstanceOf(IntegrityError);
    }
    // Bodies cut short, or of another length than the heads say, are refused, not misread.
    const opened = await unpackPage(payload, 'p03');
    expect(() => unpackBodies({ ...opened, bodies: opened.bodies.slice(0, 20) }, 'p03')).toThrow(
      /pages\/p03.*its cases are not readable/,
    );
    for (const delta of [-1, 1]) {
      const sizes = [opened.sizes[0]! + delta, opened.sizes[1]!];
      expect(() => unpackBodies({ ...opened, sizes }, 'p03')).toThrow(/its cases are not readable/);
    }
    const [first] = unpackBodies(opened, 'p03');
    expect(() => parseCase({ head: first!.head, json: first!.json.slice(0, 40) }, 'p03')).toThrow(
      /pages\/p03.*a case in it is not readable/,
    );
    expect(() => parseCase({ head: { ...first!.head, caseTag: 'someone-else' }, json: first!.json }, 'p03')).toThrow(
      /a case in it is not readable/,
    );
  });
});
