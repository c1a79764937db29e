import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MIN_PAGE_BITS, pageIdOf } from '../../../../shared/vault-format/vault-rows';
import { createSearchClient } from '../../../../renderer/src/search/search-client';
import { PASSPHRASE, makeCase, makeRepository, makeService } from '../../../fixtures/vault';

/**
 * The vault opens reading its pages in batches (one transaction), each decrypted and parsed while
 * the next is read, its search pages handed on batch by batch. Sixteen pages in batches of three
 * make six batches here.
 */
describe('opening the vault in batches of pages', () => {
  async function vaultOf(count: number) {
    const factory = new IDBFactory();
    const service = makeService(makeRepository(factory, { pagesPerBatch: 3 }));
    await service.session.create(PASSPHRASE);
    const titles: string[] = [];
    const pageOf = new Map<string, string>();
    for (let i = 0; i < count; i += 1) {
      const title = `Дело № ${i} «Әділет» v. Outlet ${i}`;
      titles.push(title);
      const view = await service.cases.createCase(makeCase({ title }));
      pageOf.set(title, pageIdOf(view.caseTag, MIN_PAGE_BITS));
    }
    service.session.lock();
    return { factory, titles, pageOf };
  }

  it('gives back every case, and search finds each of them by the batches handed on', async () => {
    const { factory, titles } = await vaultOf(40);
    const repository = makeRepository(factory, { pagesPerBatch: 3 });
    const service = makeService(repository);
    const search = createSearchClient();
    const batches: number[] = [];
    let loaded: Promise<void> = Promise.resolve();
    service.session.onSearchPages((pages) => {
      loaded = search.load(
        (async function* () {
          for await (const batch of pages) {
            batches.push(batch.length);
            yield batch;
          }
        })(),
      );
    });
    const opened = await service.session.unlock(PASSPHRASE);
    await loaded;
    expect(opened.failures).toEqual([]);
    expect(opened.cases.map((c) => c.record.title).sort()).toEqual([...titles].sort());
    // Forty cases fill most of the sixteen pages: every page is in one batch, all but the last of three.
    const pages = await repository.db.pages.count();
    expect(pages).toBeGreaterThan(12);
    expect(batches.reduce((sum, n) => sum + n, 0)).toBe(pages);
    expect(batches.slice(0, -1).every((n) => n === 3)).toBe(true);
    expect(batches.length).toBe(Math.ceil(pages / 3));
    for (const i of [0, 17, 39]) {
      const hits = await search.search(`Outlet ${i}`);
      const caseTag = opened.cases.find((c) => c.record.title === titles[i])!.caseTag;
      expect(hits[0]).toBe(caseTag);
    }
  });

  it('names a damaged page of a middle batch and opens the cases of every other page', async () => {
    const { factory, titles, pageOf } = await vaultOf(40);
    const repository = makeRepository(factory, { pagesPerBatch: 3 });
    const ids = (await repository.db.pages.toCollection().primaryKeys()).sort();
    const damaged = ids[7]!;
    const row = (await repository.db.pages.get(damaged))!;
    const ct = new Uint8Array(row.ct);
    ct[3] = ct[3]! ^ 0x40;
    await repository.db.pages.put({ ...row, ct });

    const opened = await makeService(repository).session.unlock(PASSPHRASE);
    expect(opened.failures).toEqual([expect.objectContaining({ table: 'pages', rowId: damaged })]);
    const expected = titles.filter((title) => pageOf.get(title) !== damaged);
    expect(expected.length).toBeLessThan(titles.length);
    expect(opened.cases.map((c) => c.record.title).sort()).toEqual(expected.sort());
  });
});
