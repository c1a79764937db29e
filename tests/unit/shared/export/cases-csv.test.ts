import { describe, expect, it } from 'vitest';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import { casesToCsv } from '../../../../shared/export/cases-csv';

const labels = {
  columns: [
    'Title',
    'Kind',
    'Stage',
    'Status',
    'Targets',
    'Initiator',
    'Initiator type',
    'State actor',
    'Court',
    'Case numbers',
    'Articles',
    'Claimed',
    'Awarded',
    'Outcome',
    'Verification',
    'Tags',
    'Summary',
  ],
  value: (_field: string, code: string) => code,
  yes: 'yes',
  no: 'no',
  anonymous: '(anonymous)',
};

function record(overrides: Partial<ReturnType<typeof emptyCaseFields>>) {
  return caseRecordSchema.parse({
    ...emptyCaseFields('civil-lawsuit'),
    createdAt: '',
    updatedAt: '',
    history: [],
    ...overrides,
  });
}

describe('casesToCsv', () => {
  it('writes UTF-8 with a BOM, quotes what needs quoting, and keeps Cyrillic and Kazakh', () => {
    const csv = casesToCsv(
      [
        record({
          title: 'Иск к «Әділет», 2026',
          summary: 'Строка 1\nСтрока "2"',
          claimedKzt: 1500000,
          tags: ['клевета', 'Алматы'],
        }),
      ],
      labels,
    );
    expect(csv.startsWith('\uFEFFTitle,Kind,')).toBe(true);
    const row = csv.split('\r\n')[1];
    expect(row).toContain('"Иск к «Әділет», 2026",civil-lawsuit');
    expect(row).toContain(',1500000,');
    expect(csv).toContain('"клевета, Алматы","Строка 1\nСтрока ""2"""');
  });

  it('defuses spreadsheet formulas and never names a target who needs anonymity', () => {
    const csv = casesToCsv(
      [
        record({
          title: '=HYPERLINK("http://evil.example","click")',
          court: '+1-2',
          targets: [
            {
              id: 't1',
              name: 'Секретный источник',
              role: 'journalist',
              outlet: 'Orda.kz',
              gender: 'unknown',
              region: '',
              anonymityRequired: true,
            },
            {
              id: 't2',
              name: 'Жанна',
              role: 'journalist',
              outlet: '',
              gender: 'female',
              region: '',
              anonymityRequired: false,
            },
          ],
          privilegedNotes: 'NEVER-IN-CSV',
        }),
      ],
      labels,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(",'+1-2,");
    expect(csv).toContain('"(anonymous), Orda.kz; Жанна"');
    expect(csv).not.toContain('Секретный источник');
    expect(csv).not.toContain('NEVER-IN-CSV');
  });
});
