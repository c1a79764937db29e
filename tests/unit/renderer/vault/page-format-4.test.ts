import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSearchClient } from '../../../../renderer/src/search/search-client';
import { PASSPHRASE, makeRepository, makeService, wholeCases } from '../../../fixtures/vault';

/**
 * A backup written by Qorgau when pages were stored in format 4 (deflated with fflate), kept as a
 * file: vaults and backups of that version must keep opening after the page format changes.
 * Three cases; the first has an entry with a link and a 40,000-byte document ((i * 7) & 0xff).
 */
const FORMAT_4_BACKUP = new Uint8Array(
  readFileSync(new URL('../../../fixtures/vault-format-4.qorgau', import.meta.url)),
);
const [CLAIM, ADILET, IS] = [
  'Claim № 2: Bazhkenova / Orda.kz',
  'Дело о клевете «Әділет»',
  'Іс № 3: Жұмағұл / Vlast.kz',
];
const TITLES = [CLAIM, ADILET, IS].sort();
const DOCUMENT_SHA256 = createHash('sha256')
  .update(new Uint8Array(40_000).map((_, i) => (i * 7) & 0xff))
  .digest('hex');

describe('a vault of page format 4', () => {
  it('restores, opens whole, is searchable, gives back its document, and stays readable once edited', async () => {
    const factory = new IDBFactory();
    const service = makeService(makeRepository(factory));
    const prepared = await service.imports.prepareRestore(FORMAT_4_BACKUP, { passphrase: PASSPHRASE });
    expect(prepared.summary).toEqual({ cases: 3, entries: 2, documents: 1 });
    const restored = await prepared.commit();
    expect(restored.failures).toEqual([]);
    service.session.lock();

    // Opened from its stored rows, as on the next start.
    const reopened = makeService(makeRepository(factory));
    const search = createSearchClient();
    let indexed: Promise<void> = Promise.resolve();
    reopened.session.onSearchPages((pages) => {
      indexed = search.load(pages);
    });
    const opened = await reopened.session.unlock(PASSPHRASE);
    await indexed;
    expect(opened.failures).toEqual([]);
    const cases = wholeCases(reopened, opened);
    expect(cases.map((c) => c.record.title).sort()).toEqual(TITLES);
    const adilet = cases.find((c) => c.record.title === ADILET)!;
    expect(adilet.record.court).toBe('Медеуский районный суд');
    // Written before texts per language: the one text is read back as the Russian one it is.
    expect(adilet.entries.map((e) => e.record.reportTexts)).toEqual([
      { en: '', ru: '[Суд](https://example.org/adilet) отложил заседание.', kk: '' },
    ]);
    expect((await search.search('Жұмағұл'))[0]).toBe(cases.find((c) => c.record.title === IS)!.caseTag);
    expect(await search.search('bazhkenova')).toContain(cases.find((c) => c.record.title === CLAIM)!.caseTag);
    const bytes = Buffer.concat(await reopened.cases.readAttachment(adilet, adilet.attachments[0]!));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(DOCUMENT_SHA256);

    // An edit rewrites the case's page in today's format; the other cases of the vault are untouched.
    await reopened.cases.updateCase(adilet, { ...adilet.record, court: 'Алмалинский районный суд' });
    reopened.session.lock();
    const again = makeService(makeRepository(factory));
    const after = wholeCases(again, await again.session.unlock(PASSPHRASE));
    expect(after.map((c) => c.record.title).sort()).toEqual(TITLES);
    expect(after.find((c) => c.record.title === ADILET)!.record.court).toBe('Алмалинский районный суд');
    expect(after.find((c) => c.record.title === ADILET)!.attachments).toHaveLength(1);
  });
});
