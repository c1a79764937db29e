import { describe, expect, it } from 'vitest';
import { VaultRepository } from '../../../../renderer/src/db/vault-repository';
import type { VaultService } from '../../../../renderer/src/vault/vault-service';
import { indexSearchPages } from '../../../../renderer/src/search/search-pages';
import { random } from '../../../../bench/workload';
import { MIN_PAGE_BITS } from '../../../../shared/vault-format/vault-rows';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { SearchIndex } from '../../../../shared/search/search-index';
import { PASSPHRASE, makeCase, makeRepository, makeService, wholeCases, windowKeys } from '../../../fixtures/vault';

const LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі';

/** Notes that deflate poorly (random Cyrillic), so a few cases fill a page. */
function bulkyNotes(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += i % 9 === 8 ? ' ' : LETTERS[Math.floor(next() * LETTERS.length)];
  return out;
}

/** Adds cases with ~45 KB of compressed notes each until the vault has more pages than it started with. */
async function growVault(service: VaultService, repository: VaultRepository, label: string) {
  const next = random(7);
  const created: Array<{ title: string; caseTag: string }> = [];
  for (let i = 0; i < 40 && (await layoutBits(repository)) === MIN_PAGE_BITS; i += 1) {
    const title = `Дело ${label}${i} Жумагулов`;
    const view = await service.cases.createCase(makeCase({ title, privilegedNotes: bulkyNotes(next, 60_000) }));
    created.push({ title, caseTag: view.caseTag });
    // The reorganisation runs after the save is acknowledged; wait for it before looking.
    await repository.settled();
  }
  return created;
}

async function layoutBits(repository: VaultRepository): Promise<number> {
  const row = await repository.db.meta.get('layout');
  return row?.key === 'layout' ? row.pageBits : MIN_PAGE_BITS;
}

describe('the page layout follows the size of the vault', () => {
  it('splits full pages: every case, its texts and its search words survive, all under the new layout', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const created = await growVault(service, repository, 'A');
    expect(await layoutBits(repository)).toBeGreaterThan(MIN_PAGE_BITS);
    // The bulky case saved after the split lands on a page of the new layout.
    const after = await service.cases.createCase(makeCase({ title: 'После разделения' }));
    const before = wholeCases(service, await service.session.unlock(PASSPHRASE));
    service.session.lock();

    const reopened = makeService(repository);
    const opened = await reopened.session.unlock(PASSPHRASE);
    expect(opened.failures).toEqual([]);
    const cases = wholeCases(reopened, opened);
    expect(cases).toHaveLength(created.length + 1);
    expect(new Map(cases.map((c) => [c.caseTag, c]))).toEqual(new Map(before.map((c) => [c.caseTag, c])));
    expect(cases.map((c) => c.record.title)).toContain(after.record.title);
    const bits = await layoutBits(repository);
    for (const table of [repository.db.pages, repository.db.searchPages])
      for (const id of await table.toCollection().primaryKeys()) expect(id.startsWith(`p${bits}-`)).toBe(true);
    const index = new SearchIndex();
    await indexSearchPages(index, opened.searchPages);
    for (const { title, caseTag } of created) expect(index.search(title)).toContain(caseTag);
  }, 120_000);

  it('a backup of a grown vault restores whole into an empty one', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    await growVault(service, repository, 'B');
    const original = wholeCases(service, await service.session.unlock(PASSPHRASE));
    const backup = concatBytes(...(await service.imports.createBackup()));

    const target = makeService(makeRepository());
    const restored = await (await target.imports.prepareRestore(backup, { passphrase: PASSPHRASE })).commit();
    expect(restored.failures).toEqual([]);
    const byTag = (cases: typeof original) => new Map(cases.map((c) => [c.caseTag, c]));
    expect(byTag(wholeCases(target, restored))).toEqual(byTag(original));
  }, 120_000);

  it('a window that still knows the old layout saves into the new one, and nothing is lost', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const keys = await windowKeys(repository);
    const other = new VaultRepository(repository.db);
    await other.openNames(keys);
    await other.loadAll(keys);
    const first = await service.cases.createCase(makeCase({ title: 'Первое' }));

    const titles = (await growVault(service, repository, 'C')).map((c) => c.title);
    await other.write(keys, {
      put: [{ ...first, caseTag: 'from-the-other-window', record: { ...first.record, title: 'Из другого окна' } }],
    });

    const reopened = makeService(repository);
    const cases = wholeCases(reopened, await reopened.session.unlock(PASSPHRASE));
    expect(cases.map((c) => c.record.title).sort()).toEqual(['Из другого окна', 'Первое', ...titles].sort());
  }, 120_000);

  it('saves made while the pages are being reorganised are all kept', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    let first = await service.cases.createCase(makeCase({ title: 'Правка 0' }));
    const next = random(11);
    const titles: string[] = [];
    for (let i = 0; i < 40 && (await layoutBits(repository)) === MIN_PAGE_BITS; i += 1) {
      titles.push(`Дело D${i}`);
      await service.cases.createCase(makeCase({ title: `Дело D${i}`, privilegedNotes: bulkyNotes(next, 60_000) }));
      // Not waiting for a reorganisation the save may have started: edit straight away.
      first = await service.cases.updateCase(first, makeCase({ title: `Правка ${i + 1}` }));
    }
    // Saves back to back can keep deferring the reorganisation; one left alone lets it finish.
    await repository.settled();
    first = await service.cases.updateCase(first, makeCase({ title: 'Последняя правка' }));
    await repository.settled();
    expect(await layoutBits(repository)).toBeGreaterThan(MIN_PAGE_BITS);
    const reopened = makeService(repository);
    const cases = wholeCases(reopened, await reopened.session.unlock(PASSPHRASE));
    expect(cases.map((c) => c.record.title).sort()).toEqual([first.record.title, ...titles].sort());
  }, 120_000);
});
