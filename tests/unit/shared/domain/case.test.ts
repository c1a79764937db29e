import { describe, expect, it } from 'vitest';
import { caseFieldsSchema, emptyCaseFields } from '../../../../shared/domain/case';
import { inPeriod, isCivilDate, quarterOf } from '../../../../shared/domain/civil-date';
import { emptyEntryFields, entryFieldsSchema } from '../../../../shared/domain/entry';
import { validate } from '../../../../shared/domain/validation';

describe('civil dates', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts %s', (date) => expect(isCivilDate(date)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '26-04-01', '2026-4-1', '', '2026-04-01T00:00'])(
    'refuses %s',
    (date) => expect(isCivilDate(date)).toBe(false),
  );
  it('puts a date in its quarter from its digits alone', () => {
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(inPeriod('2026-06-30', '2026-Q2')).toBe(true);
    expect(inPeriod('2026-07-01', '2026-Q2')).toBe(false);
    expect(inPeriod('2026-07-01', '2026')).toBe(true);
  });
});

describe('case validation', () => {
  it('reports every bad field at once, by path', () => {
    const fields = {
      ...emptyCaseFields('criminal-case'),
      title: '  ',
      publication: { title: 'x', date: '2026-02-30', url: 'javascript:alert(1)' },
      targets: [
        {
          id: 't1',
          name: '',
          role: 'journalist',
          outlet: '',
          gender: 'female',
          region: 'almaty',
          anonymityRequired: false,
        },
      ],
      verification: { status: 'verified', sources: ['https://ok.example/', 'ftp://bad.example/'] },
    };
    const result = validate(caseFieldsSchema, fields);
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'required',
        'publication.date': 'invalid-date',
        'publication.url': 'invalid-link',
        'targets.0.name': 'required',
        'verification.sources.1': 'invalid-link',
      },
    });
  });

  it('accepts a complete case and free-text sources', () => {
    const result = validate(caseFieldsSchema, {
      ...emptyCaseFields('civil-lawsuit'),
      title: 'Иск о защите деловой репутации',
      verification: {
        status: 'partly-verified',
        sources: ['Interview with the lawyer, 2 April', 'mailto:desk@example.org'],
      },
    });
    expect(result.ok).toBe(true);
  });
});

describe('entry validation', () => {
  it('requires a real date and an HH:MM time', () => {
    const result = validate(entryFieldsSchema, { ...emptyEntryFields('2026-04-31'), time: '25:00' });
    expect(result).toEqual({ ok: false, errors: { date: 'invalid-date', time: 'invalid-time' } });
  });
});
