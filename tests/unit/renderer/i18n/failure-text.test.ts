import i18next from 'i18next';
import { initTestI18n } from '../../../fixtures/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { failureOf, failureText, type Failure } from '../../../../renderer/src/i18n/failure-text';
import { importSummaryLines, restoreSummaryText } from '../../../../renderer/src/i18n/summaries';
import { fixtureSetNames, loadFixtureSet } from '../../../fixtures/formats/fixture-set';
import { PASSPHRASE, makeCase, makeRepository, makeService } from '../../../fixtures/vault';

/**
 * Errors are codes; words are the UI's. Each failure a person can provoke is raised by the real
 * code (service, repository, backup reader), kept as the store keeps it, and worded in Russian and
 * Kazakh: not one English word may show, and counts take their plural forms.
 */
beforeAll(async () => {
  await initTestI18n('en');
});

/** Latin words of three letters or more, but for the app's name and the names the test put in itself. */
function englishWords(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const name of ['Qorgau', ...allowed]) rest = rest.split(name).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

async function caught(run: () => Promise<unknown>): Promise<Failure> {
  try {
    await run();
  } catch (error) {
    return failureOf(error);
  }
  throw new Error('expected a failure');
}

async function provoked(): Promise<Array<{ what: string; failure: Failure; names?: string[] }>> {
  const repository = makeRepository();
  const service = makeService(repository);
  await service.session.create(PASSPHRASE);
  await service.cases.createCase(makeCase({ title: 'Дело о клевете' }));
  for (let i = 0; i < 3; i += 1) await service.cases.createCase(makeCase({ title: `Дело ${i}` }));
  const backup = concatBytes(...(await service.imports.createBackup()));
  service.session.lock();
  const out: Array<{ what: string; failure: Failure; names?: string[] }> = [];
  out.push({
    what: 'wrong passphrase',
    failure: await caught(() => service.session.unlock('not the passphrase at all')),
  });
  out.push({
    what: 'wrong recovery key',
    failure: await caught(() => service.session.unlockWithRecoveryKey('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH')),
  });
  const target = makeService(makeRepository());
  const damaged = backup.slice();
  damaged[Math.floor(damaged.length / 2)]! ^= 0x40;
  out.push({
    what: 'damaged backup',
    failure: await caught(() => target.imports.prepareRestore(damaged, { passphrase: PASSPHRASE })),
  });
  out.push({
    what: 'truncated backup',
    failure: await caught(() =>
      target.imports.prepareRestore(backup.slice(0, backup.length - 40), { passphrase: PASSPHRASE }),
    ),
  });
  out.push({
    what: 'not a backup',
    failure: await caught(() =>
      target.imports.prepareRestore(new TextEncoder().encode('PK a zip, not a backup'), { passphrase: PASSPHRASE }),
    ),
  });
  // A page flipped on disk: the vault opens with the other pages and names the damaged one.
  const [page] = await repository.db.pages.toArray();
  const ct = page!.ct.slice();
  ct[10]! ^= 1;
  await repository.db.pages.put({ ...page!, ct });
  const opened = await service.session.unlock(PASSPHRASE);
  expect(opened.failures.length).toBe(1);
  out.push({ what: 'damaged page', failure: failureOf(opened.failures[0]) });
  const set = await loadFixtureSet(fixtureSetNames()[0]!);
  const newer = set.backup.slice();
  const at = Buffer.from(newer.buffer, newer.byteOffset, 4096).indexOf('"version":3');
  newer.set(new TextEncoder().encode('"version":7'), at);
  out.push({
    what: 'backup of a newer Qorgau',
    failure: await caught(() => target.imports.prepareRestore(newer, { passphrase: 'x' })),
  });
  out.push({
    what: 'a document that does not import',
    failure: failureOf(Object.assign(new Error('ENOENT: no such file'), { name: 'PlatformError' })),
  });
  out.push({ what: 'something unforeseen', failure: failureOf(new TypeError('x is undefined')) });
  return out;
}

describe('failures, worded by the UI', () => {
  it('no English sentence in Russian or Kazakh for any failure a person can provoke', async () => {
    const failures = await provoked();
    expect(new Set(failures.map((f) => f.failure.code))).toEqual(
      new Set(['wrong-passphrase', 'wrong-recovery-key', 'integrity', 'format-too-new', 'platform', 'unexpected']),
    );
    for (const language of ['ru', 'kk'] as const) {
      await i18next.changeLanguage(language);
      for (const { what, failure } of failures) {
        const text = failureText(i18next.t, failure);
        expect(text, `${what} in ${language}`).not.toMatch(/^errors\./);
        expect(englishWords(text), `${what} in ${language}: "${text}"`).toEqual([]);
      }
    }
    // English words them too, and names the damaged record.
    await i18next.changeLanguage('en');
    const page = failures.find((f) => f.what === 'damaged page')!.failure;
    expect(failureText(i18next.t, page)).toMatch(/^A stored record \(page p\d+-[0-9a-f]+\) failed its integrity check/);
  });

  it('restore and merge summaries read in the language, each count in its plural form', async () => {
    const expected = {
      ru: [
        '1 дело',
        '2 дела',
        '5 дел',
        '21 дело',
        '1 событие',
        '3 события',
        '11 событий',
        '1 документ',
        '4 документа',
        '0 документов',
      ],
      kk: ['1 іс', '2 іс', '5 іс', '21 іс', '1 оқиға', '3 оқиға', '11 оқиға', '1 құжат', '4 құжат', '0 құжат'],
      en: [
        '1 case',
        '2 cases',
        '5 cases',
        '21 cases',
        '1 timeline entry',
        '3 timeline entries',
        '11 timeline entries',
        '1 document',
        '4 documents',
        '0 documents',
      ],
    };
    for (const [language, words] of Object.entries(expected)) {
      await i18next.changeLanguage(language);
      const texts = [
        [1, 1, 1],
        [2, 3, 4],
        [5, 11, 0],
        [21, 1, 1],
      ].map(([cases, entries, documents]) =>
        restoreSummaryText(i18next.t, { cases: cases!, entries: entries!, documents: documents! }),
      );
      for (const word of words) expect(texts.join(' | '), `${word} in ${language}`).toContain(word);
      if (language !== 'en') for (const text of texts) expect(englishWords(text)).toEqual([]);
    }

    // A merge of a real backup into another vault: its summary lines, in Russian and Kazakh.
    const source = makeService(makeRepository());
    await source.session.create(PASSPHRASE);
    await source.cases.createCase(makeCase({ title: 'Иск к газете' }));
    const backup = concatBytes(...(await source.imports.createBackup()));
    const target = makeService(makeRepository());
    await target.session.create('another passphrase for the target vault');
    const { summary } = await target.imports.prepareMerge(backup, { passphrase: PASSPHRASE });
    for (const language of ['ru', 'kk']) {
      await i18next.changeLanguage(language);
      const lines = importSummaryLines(i18next.t, { ...summary, conflicts: 2, reportsAdded: 1 });
      expect(lines.length).toBe(5);
      for (const line of lines) expect(englishWords(line), line).toEqual([]);
    }
  });
});
