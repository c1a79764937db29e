import { describe, expect, it } from 'vitest';
import { buildSectionModel } from '../../../../shared/report/legal-pressure-section';
import type { ReportCase } from '../../../../shared/report/quarter-selection';
import { fixtureQuarter } from '../../../fixtures/quarter';

/** The quarter's cases, with their targets' places typed as people type them. */
function withPlaces(places: readonly string[][]): ReportCase[] {
  return fixtureQuarter().map((view, index) => ({
    ...view,
    record: {
      ...view.record,
      targets: (places[index] ?? []).map((region, at) => ({
        id: `${view.caseTag}-t${at}`,
        name: `Журналист ${at}`,
        role: 'journalist' as const,
        outlet: '',
        gender: 'unknown' as const,
        region,
        anonymityRequired: false,
      })),
    },
  }));
}

describe('developments by region in the statistics', () => {
  it('counts a typed “Алматы”, “Almaty” and the listed Almaty as one place, named as the report’s language names it', () => {
    const cases = withPlaces([['almaty'], ['Алматы'], ['Almaty', 'г. Алматы'], ['Уральск'], ['Талгар']]);
    const developments = (index: number) =>
      cases[index]!.entries.filter((e) => e.record.includeInReport && e.record.date.startsWith('2026-0')).length;
    const model = buildSectionModel(cases, {
      quarter: { year: 2026, quarter: 2 },
      language: 'ru',
      introduction: '',
      statistics: true,
      untranslated: 'mark',
    });
    const byRegion = model.statistics!.byRegion;
    expect(byRegion.filter((row) => row.name === 'Алматы')).toHaveLength(1);
    expect(byRegion.map((row) => row.name)).toContain('Западно-Казахстанская область');
    expect(byRegion.map((row) => row.name)).toContain('Талгар');
    const almaty = byRegion.find((row) => row.name === 'Алматы')!.developments;
    expect(almaty).toBeGreaterThan(0);
    expect(almaty).toBeLessThanOrEqual(developments(0) + developments(1) + developments(2));
    // The same figures in every language: only the names change.
    const english = buildSectionModel(cases, {
      quarter: { year: 2026, quarter: 2 },
      language: 'en',
      introduction: '',
      statistics: true,
    }).statistics!.byRegion;
    expect(english.map((row) => row.developments)).toEqual(byRegion.map((row) => row.developments));
    expect(english.map((row) => row.name)).toContain('West Kazakhstan Region');
  });
});
