import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseHead } from '../../../../shared/backup/case-head';
import type { CaseSnapshot } from '../../../../shared/backup/merge';
import { packCase, packPage, unpackCase, unpackPage } from '../../../../shared/backup/vault-rows';
import { IntegrityError } from '../../../../shared/crypto/errors';
import { emptyCaseFields } from '../../../../shared/domain/case';
import { emptyEntryFields } from '../../../../shared/domain/entry';

const AT = '2026-04-01T09:00:00.000Z';

function snapshot(i: number, text = `Бажкенова v. Акимат № ${i}`): CaseSnapshot {
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
    const opened = await unpackPage(packPage(cases.map(packCase)), 'p01');
    expect(opened.map((item) => item.head)).toEqual(cases.map(caseHead));
    expect(opened.map((item) => unpackCase(item, 'p01'))).toEqual(cases);
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
        const opened = await unpackPage(packPage(cases.map(packCase)), 'p02');
        expect(opened.map((item) => unpackCase(item, 'p02'))).toEqual(cases);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a page of another format, a cut page and a damaged case, naming the page', async () => {
    const payload = packPage([snapshot(1), snapshot(2)].map(packCase));
    const other = payload.slice();
    other[0] = 2;
    await expect(unpackPage(other, 'p03')).rejects.toThrow(/pages\/p03.*another version of Qorgau/);
    for (let length = 0; length < payload.byteLength; length += 7) {
      await expect(unpackPage(payload.slice(0, length), 'p03')).rejects.toBeInstanceOf(IntegrityError);
    }
    const [first] = await unpackPage(payload, 'p03');
    const damaged = { head: first!.head, body: first!.body.slice(0, 10) };
    expect(() => unpackCase(damaged, 'p03')).toThrow(/pages\/p03.*a case in it is not readable/);
    // A body whose stated length is one byte short or long is refused, not cut or padded.
    for (const delta of [-1, 1]) {
      const body = first!.body.slice();
      const view = new DataView(body.buffer);
      view.setUint32(0, view.getUint32(0, true) + delta, true);
      expect(() => unpackCase({ head: first!.head, body }, 'p03')).toThrow(/a case in it is not readable/);
    }
  });
});
