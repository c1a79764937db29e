import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES } from '../../../../shared/domain/texts-by-language';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { proposeImport } from '../../../../shared/import/import-plan';
import { pastReportWrites } from '../../../../shared/import/import-writes';
import { readPastReport } from '../../../../shared/import/past-report';
import { reportSettingsFor } from '../../../../shared/settings/vault-settings';
import { exported, paragraphsOf, thirtyDevelopments } from '../../../fixtures/past-reports/thirty';
import {
  dumpDatabase,
  findCanaries,
  makeCase,
  makeRepository,
  makeService,
  PASSPHRASE,
  wholeCases,
} from '../../../fixtures/vault';
import { randomId } from '../../../../shared/crypto/bytes';

const NOW = '2026-12-07T10:00:00.000Z';

async function threeFiles() {
  const original = thirtyDevelopments();
  const files = [];
  for (const language of REPORT_LANGUAGES) {
    const { bytes, model } = await exported(original, language);
    const section = await readPastReport({
      name: `${language}.docx`,
      size: bytes.byteLength,
      bytes: () => Promise.resolve(bytes),
    });
    files.push({ section, year: 2026, model });
  }
  return files;
}

describe('past reports into the vault', () => {
  it('three DOCX files of a quarter into a fresh vault: stored encrypted, read back after a lock, exported again the same', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const files = await threeFiles();
    const review = proposeImport(files, []);
    const write = pastReportWrites(review.proposals, new Map(), [], { now: NOW, newId: randomId, orders: {} });
    await service.imports.writePastReports(write, []);
    // No paragraph of the reports is stored in the clear.
    expect(findCanaries(await dumpDatabase(repository), ['Журналиста №7', 'Journalist №12', 'шақырылды'])).toEqual([]);

    service.session.lock();
    const vault = await service.session.unlock(PASSPHRASE);
    const cases = wholeCases(service, vault);
    expect(cases).toHaveLength(30);
    const order = reportSettingsFor(vault.settings, '2026-Q2').order;
    for (const { section, model } of files) {
      const again = await exported(cases, section.language, order);
      expect(paragraphsOf(again.model)).toEqual(paragraphsOf(model));
    }
    expect(proposeImport(files, cases, { '2026-Q2': order }).proposals).toEqual([]);
  });

  it('a case changed after the review was made: nothing is written, the vault is as it was', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    // A tracked case that already links to the third development's address: it is proposed there.
    const tracked = await service.cases.addEntry(await service.cases.createCase(makeCase({ title: 'Дело' })), {
      ...emptyEntryFields('2026-01-10'),
      reportTexts: { en: '[Earlier](https://example.org/en/3)', ru: '', kk: '' },
    });
    const files = await threeFiles();
    const reviewed = [tracked];
    const write = pastReportWrites(proposeImport(files, reviewed).proposals, new Map(), reviewed, {
      now: NOW,
      newId: randomId,
      orders: {},
    });
    expect(write.put.some((c) => c.caseTag === tracked.caseTag)).toBe(true);
    await service.cases.addEntry(tracked, { ...emptyEntryFields('2026-05-02'), outcome: 'edited meanwhile' });
    const before = await dumpDatabase(repository);
    await expect(service.imports.writePastReports(write, reviewed)).rejects.toThrow();
    expect(await dumpDatabase(repository)).toEqual(before);
  });
});
