import { noncePrefixOf, openChunk, sealChunk, type ChunkAddress } from '../../../shared/crypto/attachment-chunks';
import type { CaseHead } from '../../../shared/domain/case-head';
import {
  unpackSearchPage,
  packSearchPage,
  layoutOf,
  MAX_PAGE_BITS,
  MIN_PAGE_BITS,
  openPage,
  unpackBodies,
  packCase,
  packPage,
  pageIdOf,
  sealPage,
  parseCase,
  unpackPage,
  type CaseKeyRow,
  type ChunkRow,
  type PackedCase,
  type StoredPage,
  type PageRow,
  type SearchPageRow,
  type SettingsRow,
} from '../../../shared/vault-format/vault-rows';
import { fromUtf8, randomBytes, randomId, toBase64Url, utf8 } from '../../../shared/crypto/bytes';
import { openRecord, sealRecord, type Sealed } from '../../../shared/crypto/envelope';
import { IntegrityError, VaultError } from '../../../shared/crypto/errors';
import {
  createPageKey,
  openCaseKeys,
  openPageKey,
  parseVaultHeader,
  type CaseKeys,
  type VaultHeader,
  type VaultKeys,
} from '../../../shared/crypto/vault-keys';
import type { AttachmentManifest } from '../../../shared/domain/attachment';
import { caseSearchDocument } from '../../../shared/search/case-document';
import { documentWords, type DocumentWords } from '../../../shared/search/search-index';
import { markTiming } from '../../../shared/app/timing';
import { storageError, type StorageOperation } from './errors';
import { inlineFileHasher, type FileHasher } from './file-hash';
import { BufferPool, PIECE_BUFFERS, pieces } from './file-pieces';
import { PlatformError, type DeviceDocuments } from '../platform/platform';
import { VAULT_DB_NAME, VaultDatabase, type MetaRow } from './vault-db';
import { settingsFormat, type VaultSettings } from '../../../shared/settings/vault-settings';
import type { CaseFile } from '../../../shared/domain/case-file';

export type LoadResult = {
  /**
   * The head of every case, decrypted (the rest of each case is read by `storedCase`). Not
   * re-validated: each case was checked when written and is authenticated.
   */
  readonly cases: readonly CaseHead[];
  /** The decrypted search pages (JSON): the search index is built from these off the main thread. */
  readonly searchPages: readonly Uint8Array[];
  /** Pages that failed to decrypt, each named; the cases of the other pages still open. */
  readonly failures: readonly IntegrityError[];
};

/**
 * One atomic change to the vault: cases stored or removed, with the key rows, document chunks
 * and settings that go with them. Everything is sealed before the transaction opens.
 */
export type VaultWrite = {
  readonly put?: readonly CaseFile[];
  readonly remove?: readonly string[];
  readonly newCaseKeys?: readonly CaseKeyRow[];
  readonly chunks?: readonly ChunkRow[];
  readonly deleteChunksOf?: { readonly attachmentIds?: readonly string[]; readonly caseTags?: readonly string[] };
  readonly settings?: SettingsRow;
  /**
   * For imports: the cases as the import found them (null: absent), and the settings row it read
   * (its IV, null: none). If any changed meanwhile, nothing is written.
   */
  readonly expect?: { readonly cases: ReadonlyMap<string, CaseFile | null>; readonly settings: Uint8Array | null };
};

/** The tables a backup carries, header first. */
export const BACKUP_TABLES = ['meta', 'caseKeys', 'pages', 'searchPages', 'chunks', 'settings'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * When the cases' JSON averages more than this many characters per page (UTF-16 code units; about
 * 96 KiB as UTF-8 for the bench's mix of Cyrillic and Latin), the layout doubles (see
 * `growLayout`), so pages hold 32–64 Ki characters of JSON, about 7–14 KiB sealed (the bench's
 * 10,000 cases: 1,024 pages). Measured with `npm run bench` at 10,000 cases: a save re-packs its
 * page, which takes about a millisecond at this size (pages of ~35 cases took 6 ms at the median);
 * sealed pages stay below the 64 KiB from which Chromium stores a value as a separate blob file;
 * and far smaller pages make opening and reading everything slower (each page is a key to unwrap
 * and two messages to decrypt). The average, not the largest page, decides: hashing always leaves
 * some pages twice the average, and splitting for them would reorganise the vault again and again.
 */
const GROW_AT_AVERAGE_JSON = 64 * 1024;

/**
 * Pages per read when the vault opens: a batch is decrypted and parsed while the next is read.
 * Measured with `npm run bench` at 10,000 cases (1,024 pages): see loadAll.
 */
const PAGES_PER_BATCH = 128;

/** A batch of page rows and their search pages, as read. */
type PageBatch = { readonly pages: PageRow[]; readonly search: SearchPageRow[] };

/** 1 MiB: large enough that per-chunk overhead (a GCM tag, a row) is negligible. */
export const ATTACHMENT_CHUNK_SIZE = 1024 * 1024;
/**
 * Chunks per durable write. Measured with `npm run bench` at 1,000 cases (200 MiB import, hashed
 * in a worker; peak memory of a 500 MiB import, median of three): 2 → 74–87 MB/s, 88 MiB;
 * 4 → 84–94 MB/s, 105–109 MiB; 8 → 94–107 MB/s, 138–147 MiB (one import). Two: nearly as fast,
 * less held. (60 KiB chunks, below Chromium's blob-wrapping size, were tried with the hash on
 * this thread: 62 MB/s for 17× the rows; 512 KiB chunks at 16 per write: no faster.)
 */
export const CHUNKS_PER_WRITE = 2;

/**
 * Bytes written between two requests for a collection during an import, where the host allows
 * them (the desktop app). Chromium keeps each written chunk's bytes in the browser process (as the
 * blob IndexedDB writes it from) until the page collects the request that wrote it; V8 does not
 * count that memory, so it collects too rarely for it. Measured with `npm run bench` at 10,000
 * cases, 500 MiB imports, peak extra memory (all in the browser process) and 200 MiB import speed:
 * no collections 120–244 MiB, 88–89 MB/s; a full collection every 32 MiB 73–80 MiB, 68 MB/s;
 * every 16 MiB 46–51 MiB, 59–61 MB/s. A minor collection is not enough (69–81 MiB at 1,000 cases).
 * Sixteen: the import holds what the issue allows, and costs a third of its speed for it, at
 * this size of vault (a full collection walks every case held).
 */
const COLLECT_EVERY = 16 * 1024 * 1024;

/** How the app opens the repository. */
export type RepositoryOptions = {
  /** How imported files are hashed (default: on this thread). */
  readonly hashFile?: FileHasher;
  /** A full garbage collection, called during large imports (see `COLLECT_EVERY`). */
  readonly collectGarbage?: () => void;
  /**
   * The desktop app's document store: files the user gives are imported there by main, natively
   * (see `importAttachment`). Documents stored in IndexedDB (restored from a backup, imported in
   * the web edition or built in memory) stay there and are read from there.
   */
  readonly deviceDocuments?: DeviceDocuments | null;
};

/**
 * The engine's own collector where the host exposes it: the desktop app starts its renderer with
 * `--expose-gc` for `COLLECT_EVERY`. Undefined in a browser, where imports simply hold more.
 */
export function exposedGarbageCollector(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
}

/**
 * A case of a page this window holds: its head; its JSON once the page's bodies were unpacked;
 * the whole case once it was read.
 */
type PageCase = { readonly head: CaseHead; json: string | null; full: CaseFile | null };

/** A page as this window knows it while the vault is unlocked. */
type PageState = {
  readonly key: CryptoKey;
  readonly wrap: Sealed;
  /** The IV of the stored page row (null: not stored yet); a different one means another window wrote it. */
  readonly version: Uint8Array | null;
  readonly cases: Map<string, PageCase>;
  /** The length of its cases' JSON (UTF-16 code units; UTF-8 bytes, a little more, for a page of format 4). */
  readonly json: number;
  /** The page's bodies as read, still compressed; null once unpacked into `cases` (or when this window wrote the page). */
  compressed: StoredPage | null;
  /** The search page: parsed when this page is first written. */
  words: Map<string, DocumentWords> | Uint8Array | null;
};

/**
 * The only code that talks to IndexedDB. It encrypts before a transaction opens and decrypts
 * after it closes (WebCrypto is asynchronous and would let IndexedDB commit a transaction early),
 * and every multi-row write is one transaction. While the vault is unlocked it remembers the
 * decrypted pages, so saving one case re-seals its page without reading it back; `forget()`
 * drops them on lock.
 */
export class VaultRepository {
  private pages = new Map<string, PageState>();
  /** A reorganisation of the pages under way (see `growLayout`), or null. */
  private growth: Promise<void> | null = null;
  /** Bumped on lock: work started for the vault as it was unlocked must not finish after. */
  private generation = 0;
  /** The layout the pages this window holds were read under (see `LayoutRow`). */
  private pageBits = MIN_PAGE_BITS;
  /** Pages that failed to open: writing into them would destroy the cases they still hold. */
  private readonly brokenPages = new Map<string, IntegrityError>();
  private readonly caseKeys = new Map<string, Promise<CaseKeys>>();

  /** How an imported file is hashed: on this thread, or in a worker (the app). */
  private readonly hashFile: FileHasher;
  /** A full collection, where the host allows one (see `COLLECT_EVERY`); else nothing. */
  private readonly collectGarbage: () => void;
  private readonly device: DeviceDocuments | null;
  private readonly pagesPerBatch: number;

  constructor(
    readonly db: VaultDatabase,
    options: RepositoryOptions & { readonly pagesPerBatch?: number } = {},
  ) {
    this.hashFile = options.hashFile ?? inlineFileHasher;
    this.collectGarbage = options.collectGarbage ?? (() => undefined);
    this.device = options.deviceDocuments ?? null;
    this.pagesPerBatch = options.pagesPerBatch ?? PAGES_PER_BATCH;
  }

  static open(options: RepositoryOptions = {}): VaultRepository {
    return new VaultRepository(new VaultDatabase(VAULT_DB_NAME), options);
  }

  close(): void {
    this.db.close();
  }

  // ── Header ──────────────────────────────────────────────────────────────────────────────────

  async readHeader(): Promise<VaultHeader | null> {
    const row = await this.guard('read-header', () => this.db.meta.get('header'));
    return row?.key === 'header' ? parseVaultHeader(row.header) : null;
  }

  /** Stores the header of a new vault; refuses to overwrite an existing one. */
  async createHeader(header: VaultHeader): Promise<void> {
    await this.guard('create', () =>
      this.db.transaction('rw', this.db.meta, async () => {
        if ((await this.db.meta.get('header')) !== undefined) {
          throw new VaultError('vault-exists', 'create the vault: a vault already exists on this device.', {
            reason: 'create',
          });
        }
        await this.db.meta.put({ key: 'header', header });
      }),
    );
  }

  /**
   * Replaces the header in one transaction, only if it is still `current` (so two windows cannot
   * interleave passphrase changes). One put: at every instant the old or the new header is whole.
   */
  async replaceHeader(current: VaultHeader, next: VaultHeader): Promise<void> {
    await this.guard('change-passphrase', () =>
      this.db.transaction('rw', this.db.meta, async () => {
        const stored = await this.db.meta.get('header');
        if (stored?.key !== 'header' || JSON.stringify(stored.header) !== JSON.stringify(current)) {
          throw new VaultError('storage', 'change the passphrase: the vault changed meanwhile; nothing was written.', {
            reason: 'changed-meanwhile',
          });
        }
        await this.db.meta.put({ key: 'header', header: next });
      }),
    );
  }

  // ── Cases ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Reads every page and search page in one transaction, in batches (see `readPagesInBatches`),
   * and opens each batch as it arrives: a few hundred large messages instead of tens of thousands
   * of small ones. The search pages go to `onSearchPages` batch by batch.
   */
  async loadAll(
    keys: VaultKeys,
    onSearchPages?: (batches: AsyncIterable<readonly Uint8Array[]>) => void,
  ): Promise<LoadResult> {
    const read = this.readPagesInBatches();
    const { layout, batches } = await read.started;
    const failures: IntegrityError[] = [];
    const broken = new Map<string, IntegrityError>();
    const fail = (pageId: string, error: unknown) => {
      const failure =
        error instanceof IntegrityError ? error : new IntegrityError('pages', pageId, 'it is not readable');
      failures.push(failure);
      broken.set(pageId, failure);
    };
    // Each batch is decrypted as soon as it arrives (WebCrypto works beside this thread) and its
    // heads parsed here while the next batches are still being read.
    const decrypted = batches.map((batch) =>
      batch.then(({ pages, search }) => {
        const searchById = new Map(search.map((row) => [row.id, row]));
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
    this.forget();
    this.pageBits = storedLayout(layout);
    this.pages = pages;
    for (const [pageId, failure] of broken) this.brokenPages.set(pageId, failure);
    markTiming('qorgau:pages-parsed');
    return { cases, searchPages, failures };
  }

  /**
   * Every page and search page, read in one transaction (one consistent state of the vault) but
   * in batches of `pagesPerBatch` pages, each handed over as soon as it arrives. `started`
   * resolves once the layout is known and the batches asked for; `done` once the transaction has
   * completed. A failure rejects the batches not yet read, `done`, and `started` if it is early.
   * (Plain IndexedDB rather than Dexie: whoever awaits a batch must not run inside the transaction.)
   */
  private readPagesInBatches(): {
    started: Promise<{ layout: MetaRow | undefined; batches: Array<Promise<PageBatch>> }>;
    done: Promise<void>;
  } {
    const failed = (error: unknown) => storageError('open', error);
    let announce!: (value: { layout: MetaRow | undefined; batches: Array<Promise<PageBatch>> }) => void;
    let abandon!: (error: unknown) => void;
    const started = new Promise<{ layout: MetaRow | undefined; batches: Array<Promise<PageBatch>> }>(
      (resolve, reject) => {
        announce = resolve;
        abandon = reject;
      },
    );
    const done = this.guard('open', async () => {
      await this.db.open();
      const tx = this.db.backendDB().transaction(['meta', 'pages', 'searchPages'], 'readonly');
      const completed = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(failed(tx.error));
      });
      const layout = asPromise<MetaRow | undefined>(tx.objectStore('meta').get('layout'));
      // Awaited further on; a failure meanwhile is not an unhandled rejection.
      completed.catch(() => undefined);
      layout.catch(() => undefined);
      const ids = tx.objectStore('pages').getAllKeys();
      const batches = await new Promise<Array<Promise<PageBatch>>>((resolve, reject) => {
        ids.onerror = () => reject(failed(ids.error));
        ids.onsuccess = () => {
          // Asked for at once, while the transaction is active. Open-ended at both ends: whatever
          // pages the transaction sees fall in exactly one batch.
          const keys = ids.result as string[];
          const bounds: string[] = [];
          for (let i = this.pagesPerBatch; i < keys.length; i += this.pagesPerBatch) bounds.push(keys[i]!);
          const range = (index: number): IDBKeyRange | undefined => {
            const { keyRange } = this.db;
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
      announce({ layout: await layout, batches });
      await completed;
      markTiming('qorgau:pages-read');
    });
    // A failure before the batches were asked for ends `started` too (after, it changes nothing).
    done.catch(abandon);
    return { started, done };
  }

  /** Drops the decrypted pages and keys this window holds (on lock). */
  forget(): void {
    this.generation += 1;
    this.pages = new Map();
    this.pageBits = MIN_PAGE_BITS;
    this.brokenPages.clear();
    this.caseKeys.clear();
  }

  /** The keys of a case's documents, unwrapped when first needed. */
  caseKeysFor(keys: VaultKeys, caseTag: string): Promise<CaseKeys> {
    let found = this.caseKeys.get(caseTag);
    if (found === undefined) {
      found = this.guard('open-case', () => this.db.caseKeys.get(caseTag)).then((row) => {
        if (row === undefined) throw new IntegrityError('caseKeys', caseTag, 'the key of the case is missing');
        return openCaseKeys(keys, caseTag, row);
      });
      found.catch(() => this.caseKeys.delete(caseTag));
      this.caseKeys.set(caseTag, found);
    }
    return found;
  }

  /**
   * Writes cases (and what goes with them) in one transaction. Each touched page is re-sealed
   * whole, with its search words; a page a case leaves gets a new key. If another window wrote
   * a touched page meanwhile, that page is read again and the change applied to it; an import
   * whose cases changed meanwhile writes nothing.
   */
  async write(keys: VaultKeys, change: VaultWrite): Promise<void> {
    markTiming('qorgau:write-start');
    for (let attempt = 0; ; attempt += 1) {
      const stale = await this.writeOnce(keys, change);
      if (stale.length === 0) {
        await this.removeFromDevice(keys.vaultId, change.deleteChunksOf);
        return;
      }
      if (attempt >= 3)
        throw new VaultError(
          'storage',
          'save: another window keeps changing the same cases; nothing was written. Try again.',
          { reason: 'busy' },
        );
      // Another window reorganised the pages: read them all again under the new layout.
      if (stale === 'layout') await this.loadAll(keys);
      else await this.reloadPages(keys, stale);
    }
  }

  /** One attempt at `write`: the pages another window wrote meanwhile (nothing written then), or none. */
  private async writeOnce(keys: VaultKeys, change: VaultWrite): Promise<string[] | 'layout'> {
    const byPage = new Map<string, { put: CaseFile[]; remove: string[] }>();
    const touch = (caseTag: string) => {
      const pageId = pageIdOf(caseTag, this.pageBits);
      const broken = this.brokenPages.get(pageId);
      if (broken)
        throw new VaultError(
          'integrity',
          `${broken.message} Cases stored with it cannot be changed; restore a backup.`,
          { reason: 'damaged-page-write', table: broken.table, rowId: broken.rowId },
        );
      let entry = byPage.get(pageId);
      if (entry === undefined) byPage.set(pageId, (entry = { put: [], remove: [] }));
      return entry;
    };
    for (const stored of change.put ?? []) touch(stored.caseTag).put.push(stored);
    for (const caseTag of change.remove ?? []) touch(caseTag).remove.push(caseTag);
    const sealed = await Promise.all(
      [...byPage].map(([pageId, edits]) => this.sealEdited(keys, pageId, edits.put, edits.remove)),
    );
    if (change.expect) this.checkExpected(change.expect.cases);
    markTiming('qorgau:write-sealed');
    const stale = await this.guard('save', async (): Promise<string[] | 'layout'> => {
      try {
        await this.db.transaction(
          'rw',
          [this.db.meta, this.db.pages, this.db.searchPages, this.db.caseKeys, this.db.chunks, this.db.settings],
          async () => {
            markTiming('qorgau:write-txopen');
            const newTags = (change.newCaseKeys ?? []).map((row) => row.caseTag);
            const gone = change.deleteChunksOf;
            // The checks are asked together: one round trip to the database instead of four.
            const checks = Promise.all([
              this.db.meta.get('layout'),
              this.db.pages.bulkGet(sealed.map((s) => s.row.id)),
              change.expect ? this.db.settings.get('settings') : undefined,
              newTags.length > 0 ? this.db.caseKeys.bulkGet(newTags) : [],
            ]);
            const writeRows = () =>
              Promise.all([
                ...sealed.flatMap((s): Array<Promise<unknown>> =>
                  s.row.cases === 0
                    ? [this.db.pages.delete(s.row.id), this.db.searchPages.delete(s.row.id)]
                    : [this.db.pages.put(s.row.page), this.db.searchPages.put(s.row.search)],
                ),
                change.remove?.length ? this.db.caseKeys.bulkDelete([...change.remove]) : undefined,
                newTags.length > 0 ? this.db.caseKeys.bulkAdd([...(change.newCaseKeys ?? [])]) : undefined,
                change.settings ? this.db.settings.put(change.settings) : undefined,
              ]);
            // A save that touches no chunks sends its rows in the same round trip as its checks:
            // requests run in the order they are made, so the checks read the rows as they were,
            // and a failed check throws, which aborts the transaction before any row lands.
            const plain =
              newTags.length === 0 && !gone?.caseTags?.length && !gone?.attachmentIds?.length && !change.chunks?.length;
            const rows = plain ? writeRows() : null;
            rows?.catch(() => undefined);
            const [layout, stored, settings, existingKeys] = await checks;
            markTiming('qorgau:write-checked');
            if (storedLayout(layout) !== this.pageBits) throw new StaleWrite('layout');
            const changed = sealed.filter((s, i) => !sameBytes(stored[i]?.iv ?? null, s.basedOn));
            if (changed.length > 0) throw new StaleWrite(changed.map((s) => s.row.id));
            if (change.expect && !sameBytes(settings?.iv ?? null, change.expect.settings)) throw changedMeanwhile();
            if (existingKeys.some((row) => row !== undefined)) throw changedMeanwhile();
            if (rows === null) {
              // Chunks first, one step at a time: Dexie's delete of a collection reads before it
              // deletes, and must not see chunks put after it. Chunks a crash left behind for a new
              // tag must not join the new case.
              if (newTags.length > 0) await this.db.chunks.where('caseTag').anyOf(newTags).delete();
              if (gone?.caseTags?.length)
                await this.db.chunks
                  .where('caseTag')
                  .anyOf([...gone.caseTags])
                  .delete();
              if (gone?.attachmentIds?.length)
                await this.db.chunks
                  .where('attachmentId')
                  .anyOf([...gone.attachmentIds])
                  .delete();
              if (change.chunks?.length) await this.db.chunks.bulkPut([...change.chunks]);
              await writeRows();
            } else await rows;
            markTiming('qorgau:write-queued');
          },
        );
        return [];
      } catch (error) {
        if (error instanceof StaleWrite) return error.pages;
        throw error;
      }
    });
    markTiming('qorgau:write-committed');
    if (stale.length === 0) {
      for (const s of sealed) {
        if (s.row.cases === 0) this.pages.delete(s.row.id);
        else this.pages.set(s.row.id, s.state);
      }
      for (const caseTag of change.remove ?? []) this.caseKeys.delete(caseTag);
      // Not awaited: the save is stored; the reorganisation follows it (see `growLayout`).
      if (this.growth === null && this.needsGrowth() !== null) {
        this.growth = this.growWhileNeeded(keys).finally(() => {
          this.growth = null;
        });
      }
    }
    return stale;
  }

  /**
   * Resolves once the reorganisation a save started (see `growLayout`) has finished or given up:
   * for tests, and for anything that must see the pages as they will stay.
   */
  async settled(): Promise<void> {
    await this.growth;
  }

  /**
   * Doubles the number of pages (or more): every case moves to its page under the new layout, every page
   * gets a new key, in one transaction. The cases are moved as they are (their JSON is not parsed
   * again). It runs after the save that asked for it has been acknowledged, yielding to the page
   * between pages, so at ten thousand cases the save does not wait the second or two it takes.
   * Best effort: if the vault changes meanwhile (a save in this window or another), it is locked,
   * or a page is damaged, nothing is written, and a later save asks again.
   */
  private async growLayout(keys: VaultKeys, generation: number, json: number): Promise<'grown' | 'raced'> {
    const from = this.pageBits;
    // As many doublings as bring the average to half the limit: an import of thousands of cases
    // is reorganised once, not once per save that follows it.
    const bits = Math.min(MAX_PAGE_BITS, Math.max(from + 1, Math.ceil(Math.log2(json / (GROW_AT_AVERAGE_JSON / 2)))));
    // What is reorganised, and the versions the transaction checks: taken before any await.
    const pages = [...this.pages];
    const versions = new Map(pages.map(([pageId, page]) => [pageId, page.version]));
    const current = () => generation === this.generation && this.pageBits === from;
    const groups = new Map<string, { cases: PageCase[]; words: Map<string, DocumentWords> }>();
    for (const [id, page] of pages) {
      const words = await this.wordsOf(page);
      this.unpackCases(page, id);
      for (const [caseTag, item] of page.cases) {
        const pageId = pageIdOf(caseTag, bits);
        let group = groups.get(pageId);
        if (group === undefined) groups.set(pageId, (group = { cases: [], words: new Map() }));
        group.cases.push(item);
        group.words.set(caseTag, words.get(caseTag) ?? documentWords(caseSearchDocument(this.storedCase(caseTag)!)));
      }
    }
    const sealed: Array<{ page: PageRow; search: SearchPageRow; state: PageState }> = [];
    for (const [pageId, group] of groups) {
      if (sealed.length % 32 === 0) {
        await yieldToPage();
        if (!current()) return 'raced';
      }
      const { key, wrapped } = await createPageKey(keys, pageId);
      const cases = new Map(group.cases.map((item) => [item.head.caseTag, item]));
      sealed.push(await sealPageState(keys, pageId, key, wrapped, cases, group.words));
    }
    if (!current()) return 'raced';
    const grown = await this.guard('reorganise', () =>
      this.db.transaction('rw', [this.db.meta, this.db.pages, this.db.searchPages], async () => {
        const [layout, stored] = await Promise.all([this.db.meta.get('layout'), this.db.pages.toArray()]);
        const unchanged =
          current() &&
          storedLayout(layout) === from &&
          stored.length === versions.size &&
          stored.every((row) => sameBytes(versions.get(row.id) ?? null, row.iv));
        if (!unchanged) return false;
        await Promise.all([this.db.pages.clear(), this.db.searchPages.clear()]);
        await Promise.all([
          this.db.pages.bulkPut(sealed.map((s) => s.page)),
          this.db.searchPages.bulkPut(sealed.map((s) => s.search)),
          this.db.meta.put({ key: 'layout', pageBits: bits }),
        ]);
        return true;
      }),
    );
    if (!grown || !current()) return 'raced';
    this.pages = new Map(sealed.map((s) => [s.page.id, s.state]));
    this.pageBits = bits;
    return 'grown';
  }

  /** The JSON of all cases when the pages average more than `GROW_AT_AVERAGE_JSON`, else null. */
  private needsGrowth(): number | null {
    if (this.pageBits >= MAX_PAGE_BITS || this.brokenPages.size > 0) return null;
    let json = 0;
    for (const page of this.pages.values()) json += page.json;
    return json / 2 ** this.pageBits > GROW_AT_AVERAGE_JSON ? json : null;
  }

  /**
   * Grows the layout after a save. A save in this window while it works makes it start again, a
   * few times at most: a steady stream of saves defers it to a later save rather than to never
   * finishing. Errors are not the save's (it is stored): the next save that needs it tries again.
   */
  private async growWhileNeeded(keys: VaultKeys): Promise<void> {
    const generation = this.generation;
    try {
      for (let attempt = 0; attempt < 3 && generation === this.generation; attempt += 1) {
        const json = this.needsGrowth();
        if (json === null || (await this.growLayout(keys, generation, json)) === 'grown') return;
      }
    } catch {
      // See above: best effort, tried again after a later save.
    }
  }

  /**
   * A whole case, read from the page this window holds (unpacked and parsed on first use, then
   * kept until the vault locks); undefined when the vault has no such case. Throws an
   * IntegrityError naming the page if the case's bytes do not read.
   */
  storedCase(caseTag: string): CaseFile | undefined {
    const pageId = pageIdOf(caseTag, this.pageBits);
    const page = this.pages.get(pageId);
    const item = page?.cases.get(caseTag);
    if (page === undefined || item === undefined) return undefined;
    if (item.full === null) {
      this.unpackCases(page, pageId);
      item.full = parseCase(packed(item), pageId);
    }
    return item.full;
  }

  /** Fills in the JSON of every case of a page, unpacking its bodies the first time one is needed. */
  private unpackCases(page: PageState, pageId: string): void {
    if (page.compressed === null) return;
    for (const item of unpackBodies(page.compressed, pageId)) page.cases.get(item.head.caseTag)!.json = item.json;
    page.compressed = null;
  }

  /** True when the case would live on a page that did not open: such a case cannot be written. */
  onDamagedPage(caseTag: string): boolean {
    return this.brokenPages.has(pageIdOf(caseTag, this.pageBits));
  }

  private checkExpected(expected: ReadonlyMap<string, CaseFile | null>): void {
    for (const [caseTag, before] of expected) {
      const now = this.storedCase(caseTag) ?? null;
      if (JSON.stringify(now) !== JSON.stringify(before)) throw changedMeanwhile();
    }
  }

  /** Seals a page with its edits applied (and its search page), without touching the cache yet. */
  private async sealEdited(keys: VaultKeys, pageId: string, put: readonly CaseFile[], remove: readonly string[]) {
    const current = this.pages.get(pageId);
    if (current !== undefined) this.unpackCases(current, pageId);
    const cases = new Map(current?.cases ?? []);
    const words = await this.wordsOf(current);
    markTiming('qorgau:write-words');
    for (const stored of put) {
      cases.set(stored.caseTag, { ...packCase(stored), full: stored });
      words.set(stored.caseTag, documentWords(caseSearchDocument(stored)));
    }
    for (const caseTag of remove) {
      cases.delete(caseTag);
      words.delete(caseTag);
    }
    // A case left the page: re-key it, so the old page needs a key that is gone.
    const fresh = current === undefined || remove.length > 0 ? await createPageKey(keys, pageId) : null;
    const key = fresh?.key ?? current!.key;
    const wrap = fresh?.wrapped ?? current!.wrap;
    markTiming('qorgau:write-keyed');
    const { page, search, state } = await sealPageState(keys, pageId, key, wrap, cases, words);
    return { basedOn: current?.version ?? null, row: { id: pageId, cases: cases.size, page, search }, state };
  }

  private async wordsOf(page: PageState | undefined): Promise<Map<string, DocumentWords>> {
    if (page === undefined || page.words === null) {
      const words = new Map<string, DocumentWords>();
      for (const caseTag of page?.cases.keys() ?? [])
        words.set(caseTag, documentWords(caseSearchDocument(this.storedCase(caseTag)!)));
      return words;
    }
    if (page.words instanceof Uint8Array) {
      const content = await unpackSearchPage(page.words, '');
      page.words = new Map(Object.entries(content.words));
    }
    return new Map(page.words);
  }

  /** Reads pages another window wrote, so a write can be applied to what is stored now. */
  private async reloadPages(keys: VaultKeys, pageIds: readonly string[]): Promise<void> {
    const [rows, searches] = await this.guard('open', () =>
      this.db.transaction('r', [this.db.pages, this.db.searchPages], () =>
        Promise.all([this.db.pages.bulkGet([...pageIds]), this.db.searchPages.bulkGet([...pageIds])]),
      ),
    );
    for (const [i, pageId] of pageIds.entries()) {
      const row = rows[i];
      if (row === undefined) {
        this.pages.delete(pageId);
        continue;
      }
      const key = await openPageKey(keys, pageId, row.wrap);
      const packed = await unpackPage(await openPage(keys.vaultId, key, 'pages', pageId, row), pageId);
      const search = searches[i];
      this.pages.set(pageId, {
        key,
        wrap: row.wrap,
        version: row.iv,
        cases: pageCases(packed),
        json: packed.sizes.reduce((sum, size) => sum + size, 0),
        compressed: packed,
        words: search ? await openPage(keys.vaultId, key, 'searchPages', pageId, search) : null,
      });
    }
  }

  // ── Backup and restore ──────────────────────────────────────────────────────────────────────

  /**
   * Every stored row, table by table, in batches: what a backup holds. Rows are read as stored
   * (still encrypted); attachment chunks go one per batch so no batch is large.
   */
  async *exportRows(vaultId: string): AsyncGenerator<{ table: BackupTable; rows: unknown[] }> {
    // Everything but the documents' chunks in one read, with the keys of the chunks: a save, or a
    // reorganisation of the pages (which replaces every page row), lands wholly before it or
    // wholly after it. The chunks themselves are read one by one afterwards (they are large); a
    // document deleted meanwhile would leave the backup naming a file it does not hold, so the
    // backup stops instead, and a document added meanwhile is not in it.
    const records = BACKUP_TABLES.filter((table) => table !== 'chunks');
    const [snapshot, chunkKeys] = await this.guard('backup', () =>
      this.db.transaction(
        'r',
        BACKUP_TABLES.map((table) => this.db.table(table)),
        () =>
          Promise.all([
            Promise.all(records.map((table) => this.db.table(table).toArray())),
            this.db.chunks.toCollection().primaryKeys(),
          ]),
      ),
    );
    const deletedMeanwhile = () =>
      new VaultError(
        'storage',
        'back up the vault: a document was deleted while the backup was being written, so this backup would be incomplete; nothing was kept. Back up again.',
        { reason: 'deleted-during-backup' },
      );
    for (const table of BACKUP_TABLES) {
      if (table === 'chunks') {
        for (const key of chunkKeys) {
          const row = await this.guard('backup', () => this.db.chunks.get(key));
          if (row === undefined) throw deletedMeanwhile();
          yield { table, rows: [row] };
        }
        // The desktop app's documents go into the backup as the same chunk rows, so a backup
        // restores anywhere (into IndexedDB).
        for (const doc of this.device ? await this.device.list(vaultId) : []) {
          for (let index = 0; index < doc.chunkCount; index += 1) {
            const [ct] = (await this.device?.readChunks({ vaultId, ...doc }, index, 1)) ?? [];
            if (ct === undefined) throw deletedMeanwhile();
            const row: ChunkRow = { attachmentId: doc.attachmentId, index, caseTag: doc.caseTag, ct };
            yield { table, rows: [row] };
          }
        }
        continue;
      }
      const rows: unknown[] = snapshot[records.indexOf(table)] ?? [];
      const batch = table === 'pages' || table === 'searchPages' ? 8 : 200;
      for (let i = 0; i < rows.length; i += batch) yield { table, rows: rows.slice(i, i + batch) };
    }
  }

  /**
   * Restores a verified backup into this (empty) vault in one transaction: either every row is
   * written or none is. Refuses when a vault is already here.
   */
  async restoreRows(frames: ReadonlyArray<{ table: string; rows: readonly unknown[] }>): Promise<void> {
    const stores = BACKUP_TABLES.map((table) => this.db.table(table));
    await this.guard('restore', () =>
      this.db.transaction('rw', stores, async () => {
        if ((await this.db.meta.get('header')) !== undefined) {
          throw new VaultError(
            'vault-exists',
            'restore the backup: this device already has a vault; nothing was written.',
            { reason: 'restore' },
          );
        }
        for (const frame of frames) {
          if (!(BACKUP_TABLES as readonly string[]).includes(frame.table)) {
            throw new VaultError(
              'integrity',
              `restore the backup: unknown table "${frame.table}"; nothing was written.`,
              { reason: 'restore-unknown-table' },
            );
          }
          if (frame.rows.length > 0) await this.db.table(frame.table).bulkPut([...frame.rows]);
        }
        if ((await this.db.meta.get('header')) === undefined) {
          throw new VaultError(
            'integrity',
            'restore the backup: the backup holds no vault header; nothing was written.',
            { reason: 'restore-no-header' },
          );
        }
      }),
    );
  }

  // ── Settings ────────────────────────────────────────────────────────────────────────────────

  async readSettings(keys: VaultKeys): Promise<unknown> {
    return (await this.readSettingsVersioned(keys)).value;
  }

  /** The settings and the IV of their row (null when none are stored), for an import's check. */
  async readSettingsVersioned(keys: VaultKeys): Promise<{ value: unknown; version: Uint8Array | null }> {
    const row = await this.guard('read-settings', () => this.db.settings.get('settings'));
    if (row === undefined) return { value: null, version: null };
    const address = { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: row.id };
    return {
      value: JSON.parse(fromUtf8(await openRecord(keys.vaultRecords, address, row))) as unknown,
      version: row.iv,
    };
  }

  async writeSettings(keys: VaultKeys, value: VaultSettings): Promise<void> {
    const row = await sealSettings(keys, value);
    await this.guard('save-settings', () => this.db.settings.put(row));
  }

  // ── Attachments ─────────────────────────────────────────────────────────────────────────────

  /**
   * Streams a file into the vault, one encrypted chunk at a time (never the whole file in memory),
   * hashing as it goes, and gives back its manifest for the caller to store with the case: until
   * then no document refers to the chunks, and the sweep after the next unlock would remove them.
   * Cancelling removes what was written.
   */
  async importAttachment(
    keys: VaultKeys,
    caseKeys: CaseKeys,
    file: Blob,
    meta: { readonly name: string; readonly type: string; readonly entryId?: string | null },
    options: { readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void } = {},
  ): Promise<AttachmentManifest> {
    if (this.device !== null && file instanceof File) {
      const imported = await this.importOnDevice(this.device, keys, caseKeys, file, meta, options);
      if (imported !== null) return imported;
    }
    const attachmentId = randomId();
    const key = await caseKeys.attachmentKey(attachmentId);
    const noncePrefix = randomBytes(7);
    const chunkCount = Math.max(1, Math.ceil(file.size / ATTACHMENT_CHUNK_SIZE));
    const address: ChunkAddress = { vaultId: keys.vaultId, caseTag: caseKeys.caseTag, attachmentId, noncePrefix };
    // A pipeline: while one batch of chunks is being written (one durable transaction), the next
    // is read and encrypted, and the pieces before are hashed (on another thread for large files).
    // Only two batches of ciphertext and a few pieces of the file are ever in memory.
    const hash = await this.hashFile(file.size);
    const buffers = new BufferPool(ATTACHMENT_CHUNK_SIZE, PIECE_BUFFERS);
    let hashed: Promise<void> = Promise.resolve();
    let writing: Promise<void> = Promise.resolve();
    const source = pieces(file, ATTACHMENT_CHUNK_SIZE, buffers);
    const changed = () => importRefused('storage', meta.name, 'file-changed');
    let read = 0;
    let collectedAt = 0;
    try {
      for (let first = 0; first < chunkCount; first += CHUNKS_PER_WRITE) {
        const sealing: Array<Promise<ChunkRow>> = [];
        for (let index = first; index < Math.min(chunkCount, first + CHUNKS_PER_WRITE); index += 1) {
          if (options.signal?.aborted) throw importRefused('cancelled', meta.name, 'cancelled');
          const next = await source.next();
          if (next.done === true) throw changed();
          const plain = next.value;
          read += plain.byteLength;
          options.onProgress?.(Math.min(file.size, read), file.size);
          // WebCrypto copies the piece when called, so its buffer can go to the hasher at once.
          const size = plain.byteLength;
          sealing.push(
            sealChunk(key, address, index, index === chunkCount - 1, plain).then((ct) => {
              if (ct.byteLength !== size + 16) throw importRefused('storage', meta.name, 'not-whole');
              return { attachmentId, index, caseTag: caseKeys.caseTag, ct };
            }),
          );
          const piece = hash.update(plain).then(
            (buffer) => buffers.give(buffer),
            (error: unknown) => {
              // The loop waits for a buffer to read into: it stops with this error.
              buffers.fail(error);
              throw error;
            },
          );
          hashed = Promise.all([hashed, piece]).then(() => undefined);
          // A failure surfaces at the next await; never as an unhandled rejection meanwhile.
          hashed.catch(() => undefined);
        }
        const rows = await Promise.all(sealing);
        await writing;
        // Every batch before this one is written now.
        if (first * ATTACHMENT_CHUNK_SIZE - collectedAt >= COLLECT_EVERY) {
          collectedAt = first * ATTACHMENT_CHUNK_SIZE;
          this.collectGarbage();
        }
        writing = this.guard('import', async () => {
          await this.db.chunks.bulkPut(rows);
        });
        // A failed write surfaces at the next await; never as an unhandled rejection meanwhile.
        writing.catch(() => undefined);
      }
      await writing;
      await hashed;
      if (read !== file.size || (await source.next()).done !== true) throw changed();
      if (options.signal?.aborted) throw importRefused('cancelled', meta.name, 'cancelled');
      return manifestOf(caseKeys, attachmentId, noncePrefix, meta, {
        size: file.size,
        sha256: await hash.digest(),
        chunkCount,
      });
    } catch (error) {
      hash.close();
      buffers.fail(error);
      await source.return();
      await writing.catch(() => undefined);
      await this.db.chunks.where('attachmentId').equals(attachmentId).delete();
      throw error;
    }
  }

  /**
   * The desktop app's import: main reads the file from disk, hashes it and seals its chunks with
   * this attachment's key (given as bytes for this one file, zeroed here once sent), into a file
   * of its own. Null when the file is not on disk, for the page to encrypt it itself.
   */
  private async importOnDevice(
    device: DeviceDocuments,
    keys: VaultKeys,
    caseKeys: CaseKeys,
    file: File,
    meta: { readonly name: string; readonly type: string; readonly entryId?: string | null },
    options: { readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void },
  ): Promise<AttachmentManifest | null> {
    const attachmentId = randomId();
    const noncePrefix = randomBytes(7);
    const key = await caseKeys.attachmentKeyBytes(attachmentId);
    const address = { vaultId: keys.vaultId, caseTag: caseKeys.caseTag, attachmentId };
    let stored: Awaited<ReturnType<DeviceDocuments['importFile']>>;
    try {
      stored = await device.importFile(
        file,
        { ...address, key, noncePrefix, chunkSize: ATTACHMENT_CHUNK_SIZE },
        options,
      );
    } catch (error) {
      if (options.signal?.aborted) throw importRefused('cancelled', meta.name, 'cancelled');
      const reason =
        error instanceof PlatformError ? error.reason : error instanceof Error ? error.message : String(error);
      throw importRefused('storage', meta.name, 'host', reason);
    } finally {
      key.fill(0);
    }
    if (stored === null) return null;
    // Cancelled as the last step finished: as in the page, nothing is kept.
    if (options.signal?.aborted) {
      await this.removeFromDevice(keys.vaultId, { attachmentIds: [attachmentId] });
      throw importRefused('cancelled', meta.name, 'cancelled');
    }
    if (stored.size !== file.size || stored.chunkCount !== Math.max(1, Math.ceil(file.size / ATTACHMENT_CHUNK_SIZE))) {
      await this.removeFromDevice(keys.vaultId, { attachmentIds: [attachmentId] });
      throw importRefused('storage', meta.name, 'file-changed');
    }
    return manifestOf(caseKeys, attachmentId, noncePrefix, meta, stored);
  }

  /**
   * Deletes documents from the desktop app's store once the change that dropped them is stored.
   * Best effort: what a failure leaves, no case refers to any more, and the sweep after the
   * next unlock deletes it (a deleted case's documents need a key that no longer exists).
   */
  private async removeFromDevice(vaultId: string, gone: VaultWrite['deleteChunksOf']): Promise<void> {
    if (this.device === null || (!gone?.caseTags?.length && !gone?.attachmentIds?.length)) return;
    await this.device
      .remove(vaultId, { caseTags: [...(gone.caseTags ?? [])], attachmentIds: [...(gone.attachmentIds ?? [])] })
      .catch(() => undefined);
  }

  /**
   * Yields an attachment's bytes chunk by chunk; each chunk is authenticated before it is
   * released, and a missing, damaged, reordered or truncated chunk stops the read with an error
   * that names the file.
   */
  async *readAttachment(keys: VaultKeys, caseKeys: CaseKeys, manifest: AttachmentManifest): AsyncGenerator<Uint8Array> {
    const key = await caseKeys.attachmentKey(manifest.id);
    const address: ChunkAddress = {
      vaultId: keys.vaultId,
      caseTag: caseKeys.caseTag,
      attachmentId: manifest.id,
      noncePrefix: noncePrefixOf(manifest.noncePrefix, manifest.id),
    };
    // Batches of chunks are read in one transaction each (or one call to the desktop app's
    // store, where the document is there) and decrypted in parallel; the next batch is read while
    // this one is yielded.
    const count = (first: number) => Math.min(manifest.chunkCount, first + CHUNKS_PER_WRITE) - first;
    const fromVault = async (first: number) => {
      const keys: Array<[string, number]> = [];
      for (let i = first; i < first + count(first); i += 1) keys.push([manifest.id, i]);
      const rows = await this.guard('open-document', () => this.db.chunks.bulkGet(keys));
      return rows.map((row) => row?.ct);
    };
    const device = this.device;
    // Unknown until the first batch: whether the document is in the desktop app's store.
    let onDevice: boolean | null = device === null ? false : null;
    const read = async (first: number): Promise<Array<Uint8Array | undefined>> => {
      if (device === null || onDevice === false) return fromVault(first);
      const where = { vaultId: keys.vaultId, caseTag: caseKeys.caseTag, attachmentId: manifest.id };
      const stored = await device.readChunks(where, first, count(first)).catch((error: unknown) => {
        throw new VaultError(
          'storage',
          `open "${manifest.name}": ${error instanceof Error ? error.message : String(error)}`,
          { reason: 'device-read', name: manifest.name },
        );
      });
      onDevice ??= stored !== null;
      if (stored === null) return onDevice ? [] : fromVault(first);
      return stored;
    };
    const batch = (first: number) =>
      // Decrypted in parallel; if several parts are damaged, the first of them is the one named.
      read(first).then(async (cts) => {
        const opened = await Promise.allSettled(
          Array.from({ length: count(first) }, (_, k) =>
            openChunk(key, address, first + k, manifest.chunkCount, cts[k], manifest.name),
          ),
        );
        const failed = opened.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
        return opened.map((result) => (result as PromiseFulfilledResult<Uint8Array>).value);
      });
    let next = batch(0);
    for (let first = 0; first < manifest.chunkCount; first += CHUNKS_PER_WRITE) {
      const plains = await next;
      if (first + CHUNKS_PER_WRITE < manifest.chunkCount) {
        next = batch(first + CHUNKS_PER_WRITE);
        next.catch(() => undefined);
      }
      yield* plains;
    }
  }

  /**
   * After unlock: chunks that no document refers to (an import that died half way). Needs the
   * decrypted document lists, so it runs once the vault is open.
   */
  async collectOrphanChunks(vaultId: string, liveAttachmentIds: ReadonlySet<string>): Promise<number> {
    const onDevice = this.device ? await this.device.sweep(vaultId, [...liveAttachmentIds]).catch(() => 0) : 0;
    return onDevice + (await this.collectOrphanRows(liveAttachmentIds));
  }

  private async collectOrphanRows(liveAttachmentIds: ReadonlySet<string>): Promise<number> {
    const orphaned = (keys: ReadonlyArray<[string, number]>) =>
      keys.filter(([attachmentId]) => !liveAttachmentIds.has(attachmentId));
    // Look first without writing: a write transaction costs a disk flush even when it changes nothing.
    const seen = orphaned(await this.guard('tidy', () => this.db.chunks.toCollection().primaryKeys()));
    if (seen.length === 0) return 0;
    return this.guard('tidy', () =>
      this.db.transaction('rw', this.db.chunks, async () => {
        const orphans = orphaned(await this.db.chunks.toCollection().primaryKeys());
        await this.db.chunks.bulkDelete(orphans);
        return orphans.length;
      }),
    );
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  private async guard<T>(operation: StorageOperation, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw storageError(operation, error);
    }
  }
}

/** The vault settings sealed as their row, stamped with their format version. */
export async function sealSettings(keys: VaultKeys, value: VaultSettings): Promise<SettingsRow> {
  const address = { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: 'settings' };
  const sealed = await sealRecord(keys.vaultRecords, address, utf8(JSON.stringify(settingsFormat.stamp(value))));
  return { id: 'settings', caseTag: '', ...sealed };
}

/** A page's rows, sealed from its cases and their search words, and the page as this window then knows it. */
async function sealPageState(
  keys: VaultKeys,
  pageId: string,
  key: CryptoKey,
  wrap: Sealed,
  cases: Map<string, PageCase>,
  words: Map<string, DocumentWords>,
): Promise<{ page: PageRow; search: SearchPageRow; state: PageState }> {
  const list = [...cases.values()].map(packed);
  const [page, search] = await Promise.all([
    packPage(list).then((payload) => sealPage(keys.vaultId, key, 'pages', pageId, payload)),
    packSearchPage(words).then((payload) => sealPage(keys.vaultId, key, 'searchPages', pageId, payload)),
  ]);
  return {
    page: { id: pageId, wrap, iv: page.iv, ct: page.ct },
    search: { id: pageId, iv: search.iv, ct: search.ct },
    state: {
      key,
      wrap,
      version: page.iv,
      cases,
      json: list.reduce((sum, item) => sum + item.json.length, 0),
      compressed: null,
      words,
    },
  };
}

/** The layout a stored meta row records (see `layoutOf`). */
function storedLayout(row: MetaRow | undefined): number {
  return layoutOf(row === undefined ? [] : [row]);
}

/** An IndexedDB request's result, or its error. */
function asPromise<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('the request failed'));
  });
}

/** Lets the page render and handle input between steps of a long piece of work. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function pageCases(page: StoredPage): Map<string, PageCase> {
  return new Map(page.heads.map((head) => [head.caseTag, { head, json: null, full: null }]));
}

/** A case of a page this window holds, as `packPage` takes it (its page was unpacked first). */
function packed(item: PageCase): PackedCase {
  if (item.json === null) throw new Error('vault-repository: a case was packed before its page was unpacked');
  return { head: item.head, json: item.json };
}

/** Thrown inside a write's transaction to abort it: another window changed these pages (or the layout). */
class StaleWrite extends Error {
  constructor(readonly pages: string[] | 'layout') {
    super('stale write');
  }
}

/** Why a document's import stopped; the UI words each (`errors.*.import-*`). */
type ImportProblem = 'cancelled' | 'file-changed' | 'not-whole' | 'host';
const IMPORT_PROBLEMS: Readonly<Record<ImportProblem, string>> = {
  cancelled: 'cancelled',
  'file-changed': 'the file changed while it was read',
  'not-whole': 'a part was not encrypted whole',
  host: 'the app could not read it',
};

/** An import that stopped: why (the host's own words, when it gave any, go to the log only), and that nothing of it was kept. */
function importRefused(
  code: 'cancelled' | 'storage',
  name: string,
  problem: ImportProblem,
  detail?: string,
): VaultError {
  return new VaultError(code, `import "${name}": ${detail ?? IMPORT_PROBLEMS[problem]}; nothing was kept.`, {
    reason: `import-${problem}`,
    name,
  });
}

function changedMeanwhile(): VaultError {
  return new VaultError(
    'storage',
    'import: the vault changed while the import was being prepared; nothing was written. Try again.',
    { reason: 'import-changed-meanwhile' },
  );
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

/** The manifest of an imported document, stored with its case. */
function manifestOf(
  caseKeys: CaseKeys,
  attachmentId: string,
  noncePrefix: Uint8Array,
  meta: { readonly name: string; readonly type: string; readonly entryId?: string | null },
  stored: { readonly size: number; readonly sha256: string; readonly chunkCount: number },
): AttachmentManifest {
  return {
    id: attachmentId,
    caseTag: caseKeys.caseTag,
    name: meta.name,
    type: meta.type,
    size: stored.size,
    sha256: stored.sha256,
    chunkSize: ATTACHMENT_CHUNK_SIZE,
    chunkCount: stored.chunkCount,
    noncePrefix: toBase64Url(noncePrefix),
    addedAt: new Date().toISOString(),
    entryId: meta.entryId ?? null,
  };
}
