import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/domain/case-file';
import { DEFAULT_SETTINGS } from '../../../shared/settings/vault-settings';
import { caseFileFormat } from '../../../shared/domain/case-file';
import { textsFromSingle } from '../../../shared/domain/texts-by-language';
import type { VaultService } from '../../../renderer/src/vault/vault-service';
import { readBackupHeader } from '../../../shared/backup/backup-format';
import { withholdFields } from '../../../shared/domain/withheld';
import {
  appOverFixtureSet,
  fixtureSetNames,
  loadFixtureSet,
  type FixtureSet,
} from '../../fixtures/formats/fixture-set';
import { dumpDatabase, findCanaries, wholeCases } from '../../fixtures/vault';

/**
 * Every committed set of format fixtures (tests/fixtures/formats/) opens in this build: the vault
 * as IndexedDB held it, with the desktop app's document files; its backup; its case package.
 * Every case, entry, deadline, history event and setting reads back as it was written, and every
 * document byte-identical. A set is made once, when a format changes, and never made again.
 */
const names = fixtureSetNames();
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A fresh app over the set (see `appOverFixtureSet`), in a folder removed after the test. */
async function openedApp(set: FixtureSet, rows = set.rows) {
  const folder = await mkdtemp(path.join(tmpdir(), 'qorgau-fixture-'));
  folders.push(folder);
  return appOverFixtureSet(set, folder, rows);
}

/**
 * The set's settings as this build reads them: every one as written, settings added since at the
 * values their upgrade steps give (a quarter's section number: 2, as its title had it; a title and
 * introduction written before texts per language: under the language they are written in).
 */
const settingsAsRead = (set: FixtureSet) => ({
  ...DEFAULT_SETTINGS,
  ...set.expected.settings,
  reports: Object.fromEntries(
    Object.entries(set.expected.settings.reports).map(([quarter, written]) => {
      const report = written as Partial<typeof written> & { title?: string; introduction?: string; language?: string };
      const { title, introduction, language: _language, ...rest } = report;
      return [
        quarter,
        {
          ...rest,
          sectionNumber: report.sectionNumber ?? '2',
          titles: report.titles ?? textsFromSingle(title ?? ''),
          introductions: report.introductions ?? textsFromSingle(introduction ?? ''),
        },
      ];
    }),
  ),
});

/**
 * The set's cases as this build reads them: each through the upgrade path from the version that
 * wrote it (told by its fields: entries' `datePrecision` came with version 4; `participants`, and documents' dates,
 * with version 3; `quick` with version 2), whose
 * own test (upgrade.test.ts) checks each step against a table.
 */
const casesAsRead = (set: FixtureSet): CaseFile[] =>
  set.expected.cases.map((file) => caseFileFormat.read({ ...file, v: versionOf(file) }));

const versionOf = (file: CaseFile): number =>
  file.entries.some((entry) => 'datePrecision' in entry.record)
    ? 4
    : 'participants' in file.record
      ? 3
      : 'quick' in file.record
        ? 2
        : 1;

const byTag = (cases: readonly CaseFile[]) => [...cases].sort((a, b) => a.caseTag.localeCompare(b.caseTag));

async function documentsIntact(service: VaultService, cases: readonly CaseFile[], set: FixtureSet) {
  const seen: string[] = [];
  for (const file of cases) {
    for (const manifest of file.attachments) {
      const bytes = Buffer.concat(await service.cases.readAttachment(file, manifest));
      const want = set.expected.documents[manifest.name];
      expect(want, `a document "${manifest.name}" the fixture does not list`).toBeDefined();
      expect({ size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(want);
      seen.push(manifest.name);
    }
  }
  return seen.sort();
}

describe.each(names)('format fixtures %s', (name) => {
  it('the vault opens with its passphrase and its recovery key, every record and document intact', async () => {
    const set = await loadFixtureSet(name);
    for (const unlock of [
      (s: VaultService) => s.session.unlock(set.expected.passphrase),
      (s: VaultService) => s.session.unlockWithRecoveryKey(set.expected.recoveryKey),
    ]) {
      const { service, repository, folder } = await openedApp(set);
      expect(await service.session.probe()).toBe('locked');
      const opened = await unlock(service);
      expect(opened.failures).toEqual([]);
      const cases = wholeCases(service, opened);
      expect(byTag(cases)).toEqual(byTag(casesAsRead(set)));
      expect(opened.settings).toEqual(settingsAsRead(set));
      // The fixture's Russian paragraph and introduction are Russian, whatever version wrote them.
      const paragraphs = cases.flatMap((c) => c.entries.map((e) => e.record.reportTexts.ru));
      expect(paragraphs).toContain('**Суд** отклонил иск [«Уральская неделя»](https://example.org/fixture) *в части*.');
      expect(opened.settings.reports['2026-Q2']?.introductions.ru).toBe(
        'За отчётный период зафиксированы **судебные иски** и досудебные претензии.',
      );
      expect(await documentsIntact(service, cases, set)).toEqual(Object.keys(set.expected.documents).sort());
      // The desktop app's document files are all there: opening swept none of them away. Those
      // a set made before row names stored as `<caseTag>.<attachmentId>.qdoc` now have their row names.
      const vaultId = set.expected.deviceDocumentFiles[0]?.split('/')[0] ?? '';
      const files = await readdir(path.join(folder, 'documents', vaultId)).catch(() => []);
      const renamed = await Promise.all(
        set.expected.deviceDocumentFiles.map(async (file) => {
          const legacy = /^[\w-]+\/[\w-]+\.([\w-]+)\.qdoc$/.exec(file);
          return legacy ? `${vaultId}/${await repository.rowNames().documentRef(legacy[1]!)}.qdoc` : file;
        }),
      );
      expect(files.map((file) => `${vaultId}/${file}`).sort()).toEqual(renamed.sort());
      // And from then on nothing stored in the clear names a case or a document (see row-names.ts).
      const ids = set.expected.cases.flatMap((c) => [c.caseTag, ...c.attachments.map((a) => a.id)]);
      expect(findCanaries([await dumpDatabase(repository), files], ids)).toEqual([]);
    }
  });

  it('its backup restores into an empty vault, every record and document intact', async () => {
    const set = await loadFixtureSet(name);
    const { service } = await openedApp(set, {});
    const prepared = await service.imports.prepareRestore(set.backup, { passphrase: set.expected.passphrase });
    expect(prepared.summary.cases).toBe(set.expected.cases.length);
    const opened = await prepared.commit();
    expect(opened.failures).toEqual([]);
    const cases = wholeCases(service, opened);
    expect(byTag(cases)).toEqual(byTag(casesAsRead(set)));
    expect(opened.settings).toEqual(settingsAsRead(set));
    expect(await documentsIntact(service, cases, set)).toEqual(Object.keys(set.expected.documents).sort());
  });

  it('its case package imports into another vault with the case, its timeline and its document intact', async () => {
    const set = await loadFixtureSet(name);
    const { service } = await openedApp(set, {});
    await service.session.create('another vault entirely, fixture 2');
    const prepared = await service.imports.prepareCasePackageImport(set.casePackage, set.expected.packageCode);
    expect(prepared.summary.newCases).toBe(1);
    const opened = await prepared.commit();
    const [imported] = wholeCases(service, opened);
    const sent = casesAsRead(set).find((c) => c.caseTag === set.expected.packageCaseTag)!;
    // A package re-seals its documents, so their nonces differ; everything else is as sent.
    const withoutNonces = (file: CaseFile) => ({
      ...file,
      attachments: file.attachments.map(({ noncePrefix: _n, ...manifest }) => manifest),
    });
    // A package made since packages could withhold fields is read without them.
    const { withheld } = readBackupHeader(set.casePackage).header;
    expect(withoutNonces(imported!)).toEqual(withoutNonces(withholdFields(sent, withheld)));
    expect(await documentsIntact(service, [imported!], set)).toEqual(sent.attachments.map((a) => a.name).sort());
  });
});
