import { markTiming } from '../../../shared/app/timing';
import { IntegrityError, VaultError } from '../../../shared/crypto/errors';
import { openPageKey, type VaultKeys } from '../../../shared/crypto/vault-keys';
import type { CaseHead } from '../../../shared/domain/case-head';
import { openPage, unpackPage, type PageRow, type SearchPageRow } from '../../../shared/vault-format/vault-rows';
import type { ManifestRow } from '../../../shared/vault-format/manifest';
import { guarded, storageError } from './errors';
import { pageCases, storedLayout, type PageState } from './page-state';
import type { MetaRow, VaultDatabase } from './vault-db';

/**
 * Opening the vault's pages: every page read in one transaction, in batches, each batch decrypted
 * and its heads parsed while the next is read (see `openAllPages`); and pages read again after
 * another window wrote them.
 */

/**
 * Pages per read when the vault opens: a batch is decrypted and parsed while the next is read.
 * Measured with `npm run bench` at 10,000 cases (1,024 pages): see loadAll.
 */
export const PAGES_PER_BATCH = 128;

/** A batch of page rows and their search pages, as read. */
type PageBatch = { readonly pages: PageRow[]; readonly search: SearchPageRow[] };

/** The pages as opened: what this window holds of them, and what the list and search need. */
export type OpenedPages = {
  readonly pages: Map<string, PageState>;
  /** The layout the pages were read under. */
  readonly pageBits: number;
  /** Pages that did not open, each with the error that names it. */
  readonly broken: ReadonlyMap<string, VaultError>;
  readonly cases: CaseHead[];
  readonly searchPages: Uint8Array[];
  /** Every page row as stored (id → IV), including those that did not open: compared with the manifest. */
  readonly versions: Map<string, Uint8Array>;
  /** The manifest row read in the same transaction as the pages, if any. */
  readonly manifest: ManifestRow | undefined;
};

/**
 * Reads every page and search page in one transaction, in batches (see `readPagesInBatches`),
 * and opens each batch as it arrives: a few hundred large messages instead of tens of thousands
 * of small ones. The search pages go to `onSearchPages` batch by batch.
 */
export async function openAllPages(
  db: VaultDatabase,
  keys: VaultKeys,
  pagesPerBatch: number,
  onSearchPages?: (batches: AsyncIterable<readonly Uint8Array[]>) => void,
): Promise<OpenedPages> {
  const read = readPagesInBatches(db, pagesPerBatch);
  const { layout, manifest, batches } = await read.started;
  const versions = new Map<string, Uint8Array>();
  const broken = new Map<string, VaultError>();
  // A page that does not open is named; one made by a newer Qorgau says so.
  const fail = (pageId: string, error: unknown) => {
    broken.set(pageId, error instanceof VaultError ? error : new IntegrityError('pages', pageId, 'it is not readable'));
  };
  // Each batch is decrypted as soon as it arrives (WebCrypto works beside this thread) and its
  // heads parsed here while the next batches are still being read.
  const decrypted = batches.map((batch) =>
    batch.then(({ pages, search }) => {
      const searchById = new Map(search.map((row) => [row.id, row]));
      for (const row of pages) versions.set(row.id, row.iv);
      return Promise.all(
        pages.map(async (row) => {
          try {
            const key = await openPageKey(keys, row.id, row.wrap);
            const words = searchById.get(row.id);
            const [payload, wordsPayload] = await Promise.all([
              openPage(keys.vaultId, key, 'pages', row.id, row),
              words ? openPage(keys.vaultId, key, 'searchPages', row.id, words) : Promise.resolve(null),
            ]);
            return { row, key, payload, words: wordsPayload };
          } catch (error) {
            fail(row.id, error);
            return null;
          }
        }),
      );
    }),
  );
  const parsed = decrypted.map((batch) =>
    batch.then((opened) =>
      Promise.all(
        opened.map((page) =>
          page === null
            ? Promise.resolve(null)
            : unpackPage(page.payload, page.row.id).then(
                (packed) => ({ page, packed }),
                (error: unknown) => {
                  fail(page.row.id, error);
                  return null;
                },
              ),
        ),
      ),
    ),
  );
  // The search index is built elsewhere (a worker), batch by batch as the pages are decrypted,
  // while the heads are parsed here. If a batch cannot be read, the batches end there: the
  // vault does not open, and says why below.
  onSearchPages?.(
    (async function* () {
      for (const batch of decrypted) {
        const opened = await batch.catch(() => null);
        if (opened === null) return;
        yield opened.flatMap((page) => (page?.words ? [page.words] : []));
      }
    })(),
  );
  const opened = (await Promise.all(decrypted)).flat().filter((page) => page !== null);
  await read.done;
  markTiming('qorgau:pages-opened');
  const searchPages = opened.flatMap((page) => (page.words ? [page.words] : []));
  const pages = new Map<string, PageState>();
  const cases: CaseHead[] = [];
  for (const item of (await Promise.all(parsed)).flat()) {
    if (item === null) continue;
    const { page, packed } = item;
    pages.set(page.row.id, {
      key: page.key,
      wrap: page.row.wrap,
      version: page.row.iv,
      cases: pageCases(packed),
      json: packed.sizes.reduce((sum, size) => sum + size, 0),
      compressed: packed,
      words: page.words,
    });
    cases.push(...packed.heads);
  }
  return {
    pages,
    pageBits: storedLayout(layout),
    broken,
    cases,
    searchPages,
    versions,
    manifest: manifest?.key === 'manifest' ? manifest : undefined,
  };
}

/**
 * Every page and search page, read in one transaction (one consistent state of the vault) but
 * in batches of `pagesPerBatch` pages, each handed over as soon as it arrives. `started`
 * resolves once the layout is known and the batches asked for; `done` once the transaction has
 * completed. A failure rejects the batches not yet read, `done`, and `started` if it is early.
 * (Plain IndexedDB rather than Dexie: whoever awaits a batch must not run inside the transaction.)
 */
type BatchesStarted = {
  layout: MetaRow | undefined;
  manifest: MetaRow | undefined;
  batches: Array<Promise<PageBatch>>;
};

function readPagesInBatches(
  db: VaultDatabase,
  pagesPerBatch: number,
): {
  started: Promise<BatchesStarted>;
  done: Promise<void>;
} {
  const failed = (error: unknown) => storageError('open', error);
  let announce!: (value: BatchesStarted) => void;
  let abandon!: (error: unknown) => void;
  const started = new Promise<BatchesStarted>((resolve, reject) => {
    announce = resolve;
    abandon = reject;
  });
  const done = guarded('open', async () => {
    await db.open();
    const tx = db.backendDB().transaction(['meta', 'pages', 'searchPages'], 'readonly');
    const completed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(failed(tx.error));
    });
    const layout = asPromise<MetaRow | undefined>(tx.objectStore('meta').get('layout'));
    const manifest = asPromise<MetaRow | undefined>(tx.objectStore('meta').get('manifest'));
    // Awaited further on; a failure meanwhile is not an unhandled rejection.
    completed.catch(() => undefined);
    layout.catch(() => undefined);
    manifest.catch(() => undefined);
    const ids = tx.objectStore('pages').getAllKeys();
    const batches = await new Promise<Array<Promise<PageBatch>>>((resolve, reject) => {
      ids.onerror = () => reject(failed(ids.error));
      ids.onsuccess = () => {
        // Asked for at once, while the transaction is active. Open-ended at both ends: whatever
        // pages the transaction sees fall in exactly one batch.
        const keys = ids.result as string[];
        const bounds: string[] = [];
        for (let i = pagesPerBatch; i < keys.length; i += pagesPerBatch) bounds.push(keys[i]!);
        const range = (index: number): IDBKeyRange | undefined => {
          const { keyRange } = db;
          if (bounds.length === 0) return undefined;
          if (index === 0) return keyRange.upperBound(bounds[0]!, true);
          if (index === bounds.length) return keyRange.lowerBound(bounds[index - 1]!);
          return keyRange.bound(bounds[index - 1]!, bounds[index]!, false, true);
        };
        resolve(
          Array.from({ length: bounds.length + 1 }, (_, index) => {
            const pages = asPromise<PageRow[]>(tx.objectStore('pages').getAll(range(index)));
            const search = asPromise<SearchPageRow[]>(tx.objectStore('searchPages').getAll(range(index)));
            const batch = Promise.all([pages, search]).then(
              ([pageRows, searchRows]) => ({ pages: pageRows, search: searchRows }),
              (error: unknown) => Promise.reject(failed(error)),
            );
            batch.catch(() => undefined);
            return batch;
          }),
        );
      };
    });
    announce({ layout: await layout, manifest: await manifest, batches });
    await completed;
    markTiming('qorgau:pages-read');
  });
  // A failure before the batches were asked for ends `started` too (after, it changes nothing).
  done.catch(abandon);
  return { started, done };
}

/** Pages as stored now (null: no longer stored), read again after another window wrote them. */
export async function readPages(
  db: VaultDatabase,
  keys: VaultKeys,
  pageIds: readonly string[],
): Promise<Map<string, PageState | null>> {
  const out = new Map<string, PageState | null>();
  const [rows, searches] = await guarded('open', () =>
    db.transaction('r', [db.pages, db.searchPages], () =>
      Promise.all([db.pages.bulkGet([...pageIds]), db.searchPages.bulkGet([...pageIds])]),
    ),
  );
  for (const [i, pageId] of pageIds.entries()) {
    const row = rows[i];
    if (row === undefined) {
      out.set(pageId, null);
      continue;
    }
    const key = await openPageKey(keys, pageId, row.wrap);
    const packed = await unpackPage(await openPage(keys.vaultId, key, 'pages', pageId, row), pageId);
    const search = searches[i];
    out.set(pageId, {
      key,
      wrap: row.wrap,
      version: row.iv,
      cases: pageCases(packed),
      json: packed.sizes.reduce((sum, size) => sum + size, 0),
      compressed: packed,
      words: search ? await openPage(keys.vaultId, key, 'searchPages', pageId, search) : null,
    });
  }
  return out;
}

/** An IndexedDB request's result, or its error. */
function asPromise<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('the request failed'));
  });
}
