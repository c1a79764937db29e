import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { caseRecordSchema, emptyCaseFields, type CaseKind } from '../../../../shared/domain/case';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';
import {
  buildSectionModel,
  packSection,
  sectionDocument,
  statisticsText,
} from '../../../../shared/report/legal-pressure-section';
import { reportLabels } from '../../../../shared/report/locale';

const AT = '2026-01-01T00:00:00.000Z';

function caseWith(caseTag: string, kind: CaseKind, dates: string[]): CaseFile {
  return {
    caseTag,
    record: caseRecordSchema.parse({
      ...emptyCaseFields(kind),
      title: caseTag,
      createdAt: AT,
      updatedAt: AT,
      history: [],
    }),
    entries: dates.map((date, i) => ({
      id: `${caseTag}-${i}`,
      record: {
        ...emptyEntryFields(date),
        datePrecision: date.endsWith('-01') ? ('month' as const) : ('day' as const),
        reportTexts: { ...NO_TEXTS, en: `${caseTag} ${date}`, ru: `${caseTag} ${date} ru` },
        includeInReport: true,
        createdAt: AT,
        updatedAt: AT,
      },
    })),
    attachments: [],
  };
}

/** Q1 2026 as imported from past reports (month dates), Q2 as recorded since. */
const CASES = [
  caseWith('criminal-ongoing', 'criminal-case', ['2026-02-01', '2026-05-12']),
  caseWith('claim-q1-only', 'pre-trial-claim', ['2026-01-01', '2026-03-01']),
  caseWith('lawsuit-new', 'civil-lawsuit', ['2026-04-20', '2026-06-02']),
];

const section = (quarter: 1 | 2, language: 'en' | 'ru' = 'en') =>
  buildSectionModel(CASES, { quarter: { year: 2026, quarter }, language, introduction: '', statistics: true });

describe('the statistics compare the quarter with the one before', () => {
  it('a column of the previous quarter’s developments by kind, and a line comparing developments, new and ongoing cases', async () => {
    const model = section(2);
    expect(model.statistics!.previous).toEqual({
      quarter: { year: 2026, quarter: 1 },
      byKind: expect.objectContaining({ 'criminal-case': 1, 'pre-trial-claim': 2, 'civil-lawsuit': 0 }),
      developments: 3,
      newCases: 2,
      ongoingCases: 0,
    });
    const text = statisticsText(model, reportLabels('en'))!;
    expect(text.header).toEqual(['Kind of proceeding', 'April', 'May', 'June', 'Total', 'Q1 2026']);
    // A kind with developments only in the quarter before keeps its row, with none this quarter.
    expect(text.rows).toEqual([
      ['Civil lawsuit', '1', '0', '1', '2', '0'],
      ['Pre-trial claim', '0', '0', '0', '0', '2'],
      ['Criminal case', '0', '1', '0', '1', '1'],
    ]);
    expect(text.lines).toContain(
      'Compared with the previous quarter (Q1 2026): developments 3 (then 3); new cases 1 (then 2); ongoing 1 (then 0).',
    );
    const xml = strFromU8(unzipSync(await packSection(sectionDocument(model), model))['word/document.xml']!);
    expect(xml).toContain('Q1 2026');
    expect(xml).toContain('Compared with the previous quarter (Q1 2026)');
    const ru = statisticsText(section(2, 'ru'), reportLabels('ru'))!;
    expect(ru.header.at(-1)).toBe('I квартал 2026');
    expect(ru.lines[1]).toMatch(/^По сравнению с предыдущим кварталом \(I квартал 2026\): событий — 3 \(было 3\)/);
  });

  it('no column and no line when the quarter before has no developments', () => {
    const model = section(1);
    expect(model.statistics!.previous).toBeNull();
    const text = statisticsText(model, reportLabels('en'))!;
    expect(text.header).toEqual(['Kind of proceeding', 'January', 'February', 'March', 'Total']);
    expect(text.lines.join(' ')).not.toContain('previous quarter');
  });
});
