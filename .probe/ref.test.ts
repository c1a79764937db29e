import { writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { it } from 'vitest';
import { buildSectionModel, packSection, sectionDocument } from '../shared/report/legal-pressure-section';
import { fixtureQuarter } from '../tests/fixtures/quarter';
it('dump', async () => {
  const model = buildSectionModel(fixtureQuarter(), { quarter: { year: 2026, quarter: 2 }, language: 'en', introduction: 'Intro', statistics: true });
  const files = unzipSync(await packSection(sectionDocument(model), model));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) out[k] = new TextDecoder().decode(v);
  writeFileSync(process.env.OUT!, JSON.stringify(out, null, 1));
});
