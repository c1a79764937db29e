import { describe, expect, it } from 'vitest';
import { caseHead } from '../../../../shared/domain/case-head';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { quarterCoverage } from '../../../../shared/report/quarter-coverage';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';

/** Nothing of a quarter drops out unseen (issue 19, item 2). */
function caseFile(
  caseTag: string,
  entries: Array<{ id: string; date: string; text: string; include: boolean }>,
  record: { createdAt?: string; deadlines?: Array<{ due: string }> } = {},
): CaseFile {
  return {
    caseTag,
    record: caseRecordSchema.parse({
      ...emptyCaseFields('civil-lawsuit'),
      title: caseTag,
      createdAt: record.createdAt ?? '2025-01-01T00:00:00.000Z',
      updatedAt: record.createdAt ?? '2025-01-01T00:00:00.000Z',
      history: [],
      deadlines: (record.deadlines ?? []).map((d, i) => ({
        id: `d${i}`,
        what: 'Заседание',
        due: d.due,
        time: '',
        reminder: 'none',
        done: false,
      })),
    }),
    entries: entries.map((e) => ({
      id: e.id,
      record: {
        ...emptyEntryFields(e.date),
        reportTexts: { ...NO_TEXTS, en: e.text },
        includeInReport: e.include,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    })),
    attachments: [],
  };
}

describe('what a quarter holds', () => {
  it('sorts every entry of the quarter into in the section, left out, or without text, and finds the quiet cases', () => {
    const cases = [
      caseFile('a', [
        { id: 'in', date: '2026-05-02', text: 'Иск подан.', include: true },
        { id: 'off', date: '2026-04-20', text: 'Текст есть, но выключено.', include: false },
        { id: 'blank', date: '2026-06-01', text: '  ', include: true },
        { id: 'blank-off', date: '2026-06-02', text: '', include: false },
        { id: 'other-quarter', date: '2026-07-01', text: 'Июль.', include: false },
      ]),
      caseFile('deadline-only', [], { deadlines: [{ due: '2026-06-15' }] }),
      caseFile('created-in-q2', [{ id: 'q1', date: '2026-03-30', text: 'Март', include: true }], {
        createdAt: '2026-04-03T10:00:00.000Z',
      }),
      caseFile('dormant', [{ id: 'old', date: '2025-11-01', text: 'Давно', include: true }]),
    ];
    const inQuarter = cases.filter((c) => c.entries.some((e) => e.record.date.startsWith('2026-0')));
    const coverage = quarterCoverage(inQuarter, cases.map(caseHead), { year: 2026, quarter: 2 });
    expect(coverage.included.map((e) => e.entryId)).toEqual(['in']);
    expect(coverage.excluded.map((e) => e.entryId)).toEqual(['off']);
    expect(coverage.withoutText.map((e) => e.entryId)).toEqual(['blank', 'blank-off']);
    expect(coverage.quietCases).toEqual(['deadline-only', 'created-in-q2']);
  });
});
