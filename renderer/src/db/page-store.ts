import type { CaseFile } from '../../../shared/domain/case-file';
import type { CaseHead } from '../../../shared/domain/case-head';
import { markTiming } from '../../../shared/app/timing';
import { VaultError } from '../../../shared/crypto/errors';
import { IntegrityError } from '../../../shared/crypto/errors';
import type { Sealed } from '../../../shared/crypto/envelope';
import {
  createPageKey,
  rewrapCaseKey,
  rewrapPageKey,
  type VaultHeader,
  type VaultKeys,
} from '../../../shared/crypto/vault-keys';
import {
  checkManifest,
  openManifest,
  pageVersion,
  sealManifest,
  type EpochRow,
  type ManifestRow,
  type VaultManifest,
} from '../../../shared/vault-format/manifest';
import { caseSearchDocument } from '../../../shared/search/case-document';
import { documentWords, type DocumentWords } from '../../../shared/search/search-index';
import {
  MAX_PAGE_BITS,
  MIN_PAGE_BITS,
  packCase,
  pageIdOf,
  parseCase,
  unpackBodies,
  unpackSearchPage,
  type CaseKeyRow,
  type CaseKeyWrap,
  type ChunkRow,
  type PageRow,
  type SearchPageRow,
  type SettingsRow,
} from '../../../shared/vault-format/vault-rows';
import type { DocumentsGone } from './attachment-store';
import { guarded } from './errors';
import type { RowNameBook } from './row-name-store';
import type { NamesRow } from '../../../shared/crypto/row-names';
import type { MetaRow, VaultDatabase } from './vault-db';
import { openAllPages, PAGES_PER_BATCH, readPages } from './page-reader';
import { packed, sealPageState, storedLayout, type PageCase, type PageState } from './page-state';

export type LoadResult = {
  /**
   * The head of every case, decrypted (the rest of each case is read by `storedCase`). Not
   * re-validated: each case was checked when written and is authenticated.
   */
  readonly cases: readonly CaseHead[];
  /** The decrypted search pages (JSON): the search index is built from these off the main thread. */
  readonly searchPages: readonly Uint8Array[];
  /** Pages that failed to decrypt, each named; the cases of the other pages still open. */
  readonly failures: readonly VaultError[];
};

/**
 * One atomic change to the vault: cases stored or removed, with the key rows, document chunks
 * and settings that go with them. Everything is sealed before the transaction opens.
 */
export type VaultWrite = {
  readonly put?: readonly CaseFile[];
  readonly remove?: readonly string[];
  /** The keys of new cases: the store names their rows (see row-names.ts). */
  readonly newCaseKeys?: readonly CaseKeyWrap[];
  /** Chunks of new documents, already under their row names. */
  readonly chunks?: readonly ChunkRow[];
  readonly deleteChunksOf?: DocumentsGone;
  readonly settings?: SettingsRow;
  /**
   * For imports: the cases as the import found them (null: absent), and the settings row it read
   * (its IV, null: none). If any changed meanwhile, nothing is written.
   */
  readonly expect?: { readonly cases: ReadonlyMap<string, CaseFile | null>; readonly settings: Uint8Array | null };
};

/** The manifest as this window last read or wrote it, and the IV of its row (null: none stored). */
type ManifestState = { readonly content: VaultManifest; readonly rowIv: Uint8Array | null };

/** What the vault's pages were checked against at unlock (see manifest.ts). */
export type LoadOptions = {
  /** The last write counter this device recorded outside IndexedDB (desktop), or null. */
  readonly lastCounter?: number | null;
  readonly onSearchPages?: (batches: AsyncIterable<readonly Uint8Array[]>) => void;
};

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
 * The cases, in pages, as this window holds them while the vault is unlocked: opened in batches
 * at unlock (heads only), unpacked when a case is opened, re-sealed whole when one of their cases
 * is saved (re-applied if another window wrote the page meanwhile), and reorganised into more
 * pages as the vault grows. `forget()` drops them on lock.
 */
export class PageStore {
  private pages = new Map<string, PageState>();
  /** A reorganisation of the pages under way (see `growLayout`), or null. */
  private growth: Promise<void> | null = null;
  /** Bumped on lock: work started for the vault as it was unlocked must not finish after. */
  private generation = 0;
  /** The layout the pages this window holds were read under (see `LayoutRow`). */
  private pageBits = MIN_PAGE_BITS;
  /**
   * Pages that failed to open, or that differ from the manifest: writing into them would destroy
   * the cases they still hold (or hide that they were rolled back).
   */
  private readonly brokenPages = new Map<string, VaultError>();
  /** The manifest this window's next write builds on (see manifest.ts). */
  private manifest: ManifestState | null = null;
  /** Told the counter of every write once it is stored (the desktop keeps it outside IndexedDB). */
  private committed: ((vaultId: string, counter: number) => void) | null = null;

  constructor(
    private readonly db: VaultDatabase,
    private readonly names: RowNameBook,
    private readonly pagesPerBatch = PAGES_PER_BATCH,
  ) {}

  /** Calls `listener` with the manifest's counter after every stored write. */
  onCommitted(listener: (vaultId: string, counter: number) => void): void {
    this.committed = listener;
  }

  /**
   * Opens every page (see `openAllPages`) and holds them: the heads of every case, the decrypted
   * search pages, and the pages that failed, each named (their cases cannot be written).
   */
  async loadAll(keys: VaultKeys, options: LoadOptions = {}): Promise<LoadResult> {
    const opened = await openAllPages(this.db, keys, this.pagesPerBatch, options.onSearchPages);
    this.forget();
    this.pageBits = opened.pageBits;
    this.pages = opened.pages;
    for (const [pageId, failure] of opened.broken) this.brokenPages.set(pageId, failure);
    const failures: VaultError[] = [...opened.broken.values()];
    // The pages against the manifest written with them: a page rolled back, removed or added is
    // named, and may not be written (see manifest.ts).
    if (opened.manifest !== undefined) {
      try {
        const content = await openManifest(keys, opened.manifest);
        this.manifest = { content, rowIv: opened.manifest.iv };
        const check = checkManifest(content, opened.versions, opened.pageBits, options.lastCounter ?? null);
        // One failure per page: a page that did not open is named once, as it was.
        for (const failure of check.failures) {
          const pageId = failure.params.table === 'pages' ? String(failure.params.rowId) : null;
          if (pageId !== null && this.brokenPages.has(pageId)) continue;
          failures.push(failure);
          if (pageId !== null) this.brokenPages.set(pageId, failure);
        }
      } catch (error) {
        failures.push(error instanceof VaultError ? error : new IntegrityError('meta', 'manifest'));
        this.blockAll(failures.at(-1)!, opened.versions.keys());
      }
    } else if (keys.epoch > 0) {
      // A vault with key epochs always has a manifest: one that is gone was removed.
      const missing = new IntegrityError('meta', 'manifest', 'the vault’s manifest is missing', {
        reason: 'manifest-missing',
      });
      failures.push(missing);
      this.blockAll(missing, opened.versions.keys());
    }
    markTiming('qorgau:pages-parsed');
    return { cases: opened.cases, searchPages: opened.searchPages, failures };
  }

  /** No page may be written: the manifest that says what they must be did not read. */
  private blockAll(failure: VaultError, pageIds: Iterable<string>): void {
    this.manifest = null;
    for (const pageId of pageIds) if (!this.brokenPages.has(pageId)) this.brokenPages.set(pageId, failure);
    this.manifestBroken = failure;
  }

  /** Set when the manifest did not read: nothing may be written until the vault is restored. */
  private manifestBroken: VaultError | null = null;

  /** The manifest the next write builds on: this window's, or one made from the pages it holds (a vault made before manifests). */
  private baseManifest(keys: VaultKeys): ManifestState {
    if (this.manifest !== null) return this.manifest;
    const pages: Record<string, string> = {};
    for (const [pageId, page] of this.pages) if (page.version !== null) pages[pageId] = pageVersion(page.version);
    return { content: { counter: 0, epoch: keys.epoch, pageBits: this.pageBits, pages }, rowIv: null };
  }

  /** Reads the manifest another window wrote, so a write can build on it. */
  private async reloadManifest(keys: VaultKeys): Promise<void> {
    const row = await guarded('open', () => this.db.meta.get('manifest'));
    this.manifest = row?.key === 'manifest' ? { content: await openManifest(keys, row), rowIv: row.iv } : null;
  }

  /** Reads pages another window wrote, so a write can be applied to what is stored now. */
  private async reloadPages(keys: VaultKeys, pageIds: readonly string[]): Promise<void> {
    for (const [pageId, page] of await readPages(this.db, keys, pageIds)) {
      if (page === null) this.pages.delete(pageId);
      else this.pages.set(pageId, page);
    }
  }

  /** Drops the decrypted pages and keys this window holds (on lock). */
  forget(): void {
    this.generation += 1;
    this.pages = new Map();
    this.pageBits = MIN_PAGE_BITS;
    this.brokenPages.clear();
    this.manifest = null;
    this.manifestBroken = null;
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
      if (stale.length === 0) return;
      if (attempt >= 3)
        throw new VaultError(
          'storage',
          'save: another window keeps changing the same cases; nothing was written. Try again.',
          { reason: 'busy' },
        );
      // Another window reorganised the pages: read them all again under the new layout. Another
      // window wrote other pages: build on its manifest.
      if (stale === 'layout') await this.loadAll(keys);
      else if (stale === 'manifest') await this.reloadManifest(keys);
      else await this.reloadPages(keys, stale);
    }
  }

  /** One attempt at `write`: the pages another window wrote meanwhile (nothing written then), or none. */
  private async writeOnce(keys: VaultKeys, change: VaultWrite): Promise<Stale> {
    if (this.manifestBroken) throw this.refusedWrite(this.manifestBroken, 'meta', 'manifest');
    const byPage = new Map<string, { put: CaseFile[]; remove: string[] }>();
    const touch = (caseTag: string) => {
      const pageId = pageIdOf(caseTag, this.pageBits);
      const broken = this.brokenPages.get(pageId);
      if (broken) throw this.refusedWrite(broken, 'pages', pageId);
      let entry = byPage.get(pageId);
      if (entry === undefined) byPage.set(pageId, (entry = { put: [], remove: [] }));
      return entry;
    };
    for (const stored of change.put ?? []) touch(stored.caseTag).put.push(stored);
    for (const caseTag of change.remove ?? []) touch(caseTag).remove.push(caseTag);
    // Rows are stored under row names (see row-names.ts): a removed case's key row and documents go with it.
    const names = this.names.get();
    const newKeys: CaseKeyRow[] = await Promise.all(
      (change.newCaseKeys ?? []).map(async ({ caseTag, iv, ct }) => ({ ref: await names.caseRef(caseTag), iv, ct })),
    );
    const newKeyRefs = newKeys.map((row) => row.ref);
    const removedKeyRefs = await Promise.all((change.remove ?? []).map((caseTag) => names.caseRef(caseTag)));
    const goneRefs = await Promise.all(
      [...(change.deleteChunksOf?.attachmentIds ?? []), ...this.documentsOf(change.remove ?? [])].map((id) =>
        names.documentRef(id),
      ),
    );
    const sealed = await Promise.all(
      [...byPage].map(([pageId, edits]) => this.sealEdited(keys, pageId, edits.put, edits.remove)),
    );
    if (change.expect) this.checkExpected(change.expect.cases);
    const base = this.baseManifest(keys);
    const nextPages = { ...base.content.pages };
    for (const s of sealed)
      if (s.row.cases === 0) delete nextPages[s.row.id];
      else nextPages[s.row.id] = pageVersion(s.row.page.iv);
    const manifest = await this.nextManifest(keys, base, nextPages);
    markTiming('qorgau:write-sealed');
    const stale = await guarded('save', async (): Promise<Stale> => {
      try {
        await this.db.transaction(
          'rw',
          [this.db.meta, this.db.pages, this.db.searchPages, this.db.sealedKeys, this.db.parts, this.db.settings],
          async () => {
            markTiming('qorgau:write-txopen');
            // The checks are asked together: one round trip to the database instead of four.
            const checks = Promise.all([
              this.db.meta.bulkGet(['layout', 'manifest', 'epoch']),
              this.db.pages.bulkGet(sealed.map((s) => s.row.id)),
              change.expect ? this.db.settings.get('settings') : undefined,
              newKeyRefs.length > 0 ? this.db.sealedKeys.bulkGet(newKeyRefs) : [],
            ]);
            const writeRows = () =>
              Promise.all([
                ...sealed.flatMap((s): Array<Promise<unknown>> =>
                  s.row.cases === 0
                    ? [this.db.pages.delete(s.row.id), this.db.searchPages.delete(s.row.id)]
                    : [this.db.pages.put(s.row.page), this.db.searchPages.put(s.row.search)],
                ),
                removedKeyRefs.length > 0 ? this.db.sealedKeys.bulkDelete(removedKeyRefs) : undefined,
                newKeys.length > 0 ? this.db.sealedKeys.bulkAdd(newKeys) : undefined,
                change.settings ? this.db.settings.put(change.settings) : undefined,
                this.db.meta.put(manifest.row),
              ]);
            // A save that touches no chunks sends its rows in the same round trip as its checks:
            // requests run in the order they are made, so the checks read the rows as they were,
            // and a failed check throws, which aborts the transaction before any row lands.
            const plain = newKeys.length === 0 && goneRefs.length === 0 && !change.chunks?.length;
            const rows = plain ? writeRows() : null;
            rows?.catch(() => undefined);
            const [[layout, storedManifest, epoch], stored, settings, existingKeys] = await checks;
            markTiming('qorgau:write-checked');
            if (storedLayout(layout) !== this.pageBits) throw new StaleWrite('layout');
            checkEpoch(epoch, keys);
            if (!sameBytes(storedManifest?.key === 'manifest' ? storedManifest.iv : null, base.rowIv))
              throw new StaleWrite('manifest');
            const changed = sealed.filter((s, i) => !sameBytes(stored[i]?.iv ?? null, s.basedOn));
            if (changed.length > 0) throw new StaleWrite(changed.map((s) => s.row.id));
            if (change.expect && !sameBytes(settings?.iv ?? null, change.expect.settings)) throw changedMeanwhile();
            if (existingKeys.some((row) => row !== undefined)) throw changedMeanwhile();
            if (rows === null) {
              // Chunks first, one step at a time: Dexie's delete of a collection reads before it
              // deletes, and must not see chunks put after it.
              if (goneRefs.length > 0) await this.db.parts.where('ref').anyOf(goneRefs).delete();
              if (change.chunks?.length) await this.db.parts.bulkPut([...change.chunks]);
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
      this.manifestWritten(keys, manifest);
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
   * Moves the vault to a new key epoch (see vault-keys.ts) with a change applied in the same
   * transaction — deleting cases, or nothing (a vault leaving epoch 0): every live case key and
   * page key is re-wrapped under `to`'s epoch, the pages the removed cases leave get new keys,
   * the epoch row becomes `epoch`, the manifest follows. Afterwards nothing stored needs `from`'s
   * epoch key, so the caller can destroy it. Refused while any page is damaged or rolled back:
   * a page this window cannot open cannot be re-wrapped, and would be lost with the old key.
   */
  async rotate(from: VaultKeys, to: VaultKeys, epoch: EpochRow, change: RotateChange) {
    await this.growth;
    const damaged = this.manifestBroken ?? this.brokenPages.values().next().value;
    if (damaged !== undefined)
      throw new VaultError(
        'integrity',
        `delete: ${damaged.message} While any stored page is damaged, no key can be renewed; restore a backup first. Nothing was changed.`,
        { reason: 'rotate-damaged' },
      );
    for (let attempt = 0; ; attempt += 1) {
      if (await this.rotateOnce(from, to, epoch, change)) return;
      if (attempt >= 3)
        throw new VaultError(
          'storage',
          'delete: another window keeps changing the vault; nothing was written. Try again.',
          { reason: 'busy' },
        );
      await this.loadAll(from);
    }
  }

  /** One attempt at `rotate`: false when another window changed the vault meanwhile (nothing written). */
  private async rotateOnce(from: VaultKeys, to: VaultKeys, epoch: EpochRow, change: RotateChange): Promise<boolean> {
    const remove = change.remove ?? [];
    const removed = new Set(remove);
    // Key rows are named by row names: the cases this window holds say whose each is. A row of no
    // case held (a removed case's, or one no case refers to) is deleted with the old epoch.
    const names = this.names.get();
    const held = [...this.pages.values()].flatMap((page) => [...page.cases.keys()]).filter((tag) => !removed.has(tag));
    const live = new Map(await Promise.all(held.map(async (tag) => [await names.caseRef(tag), tag] as const)));
    const keyRows = await guarded('delete', () => this.db.sealedKeys.toArray());
    const rewrapped: CaseKeyRow[] = await Promise.all(
      keyRows
        .filter((row) => live.has(row.ref))
        .map(async (row) => ({ ref: row.ref, ...(await rewrapCaseKey(from, to, live.get(row.ref)!, row)) })),
    );
    const doomedKeys = keyRows.filter((row) => !live.has(row.ref)).map((row) => row.ref);
    const goneRefs = await Promise.all(this.documentsOf(remove).map((id) => names.documentRef(id)));
    const leaving = new Map<string, string[]>();
    for (const caseTag of remove) {
      const pageId = pageIdOf(caseTag, this.pageBits);
      if (this.pages.get(pageId)?.cases.has(caseTag)) leaving.set(pageId, [...(leaving.get(pageId) ?? []), caseTag]);
    }
    const versions = new Map([...this.pages].map(([pageId, page]) => [pageId, page.version]));
    const edited = await Promise.all([...leaving].map(([pageId, tags]) => this.sealEdited(to, pageId, [], tags)));
    const wraps = new Map<string, Sealed>();
    for (const [pageId, page] of this.pages)
      if (!leaving.has(pageId)) wraps.set(pageId, await rewrapPageKey(from, to, pageId, page.wrap));
    const base = this.baseManifest(from);
    const pages = { ...base.content.pages };
    for (const e of edited)
      if (e.row.cases === 0) delete pages[e.row.id];
      else pages[e.row.id] = pageVersion(e.row.page.iv);
    const manifest = await this.nextManifest(to, base, pages);
    const written = await guarded('delete', () =>
      this.db.transaction(
        'rw',
        [this.db.meta, this.db.pages, this.db.searchPages, this.db.sealedKeys, this.db.parts, this.db.settings],
        async () => {
          const [[layout, storedManifest, storedEpoch, storedHeader], stored, storedRefs, storedSettings] =
            await Promise.all([
              this.db.meta.bulkGet(['layout', 'manifest', 'epoch', 'header']),
              this.db.pages.toArray(),
              this.db.sealedKeys.toCollection().primaryKeys(),
              this.db.settings.get('settings'),
            ]);
          // A re-key replaces the header and re-seals the settings: both as they were read, or nothing.
          const headerAsRead =
            change.header === undefined ||
            (storedHeader?.key === 'header' &&
              JSON.stringify(storedHeader.header) === JSON.stringify(change.header.from));
          const settingsAsRead =
            change.settings === undefined || sameBytes(storedSettings?.iv ?? null, change.settings.basedOn);
          if (!headerAsRead || !settingsAsRead) return false;
          const unchanged =
            storedLayout(layout) === this.pageBits &&
            (storedEpoch?.key === 'epoch' ? storedEpoch.epoch : 0) === from.epoch &&
            sameBytes(storedManifest?.key === 'manifest' ? storedManifest.iv : null, base.rowIv) &&
            stored.length === versions.size &&
            stored.every((row) => sameBytes(versions.get(row.id) ?? null, row.iv)) &&
            storedRefs.length === keyRows.length &&
            new Set(keyRows.map((row) => row.ref)).size === new Set([...storedRefs, ...keyRows.map((r) => r.ref)]).size;
          if (!unchanged) return false;
          if (doomedKeys.length > 0) await this.db.sealedKeys.bulkDelete(doomedKeys);
          if (goneRefs.length > 0) await this.db.parts.where('ref').anyOf(goneRefs).delete();
          await Promise.all([
            this.db.sealedKeys.bulkPut(rewrapped),
            this.db.pages.bulkPut(
              stored.filter((row) => wraps.has(row.id)).map((row) => ({ ...row, wrap: wraps.get(row.id)! })),
            ),
            ...edited.flatMap((e): Array<Promise<unknown>> =>
              e.row.cases === 0
                ? [this.db.pages.delete(e.row.id), this.db.searchPages.delete(e.row.id)]
                : [this.db.pages.put(e.row.page), this.db.searchPages.put(e.row.search)],
            ),
            this.db.meta.put(epoch),
            this.db.meta.put(manifest.row),
            change.header ? this.db.meta.put({ key: 'header', header: change.header.to }) : undefined,
            change.settings?.row ? this.db.settings.put(change.settings.row) : undefined,
            change.names ? this.db.meta.put(change.names) : undefined,
          ]);
          return true;
        },
      ),
    );
    if (!written) return false;
    for (const [pageId, wrap] of wraps) this.pages.set(pageId, { ...this.pages.get(pageId)!, wrap });
    for (const e of edited) {
      if (e.row.cases === 0) this.pages.delete(e.row.id);
      else this.pages.set(e.row.id, e.state);
    }
    this.manifestWritten(to, manifest);
    return true;
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
    const base = this.baseManifest(keys);
    const manifest = await this.nextManifest(
      keys,
      base,
      Object.fromEntries(sealed.map((s) => [s.page.id, pageVersion(s.page.iv)])),
      bits,
    );
    const grown = await guarded('reorganise', () =>
      this.db.transaction('rw', [this.db.meta, this.db.pages, this.db.searchPages], async () => {
        const [[layout, storedManifest, epoch], stored] = await Promise.all([
          this.db.meta.bulkGet(['layout', 'manifest', 'epoch']),
          this.db.pages.toArray(),
        ]);
        const unchanged =
          current() &&
          storedLayout(layout) === from &&
          (epoch?.key === 'epoch' ? epoch.epoch : 0) === keys.epoch &&
          sameBytes(storedManifest?.key === 'manifest' ? storedManifest.iv : null, base.rowIv) &&
          stored.length === versions.size &&
          stored.every((row) => sameBytes(versions.get(row.id) ?? null, row.iv));
        if (!unchanged) return false;
        await Promise.all([this.db.pages.clear(), this.db.searchPages.clear()]);
        await Promise.all([
          this.db.pages.bulkPut(sealed.map((s) => s.page)),
          this.db.searchPages.bulkPut(sealed.map((s) => s.search)),
          this.db.meta.put({ key: 'layout', pageBits: bits }),
          this.db.meta.put(manifest.row),
        ]);
        return true;
      }),
    );
    if (!grown || !current()) return 'raced';
    this.pages = new Map(sealed.map((s) => [s.page.id, s.state]));
    this.pageBits = bits;
    this.manifestWritten(keys, manifest);
    return 'grown';
  }

  /** The manifest after a write: the counter raised, the pages as they will be, sealed before the transaction opens. */
  private async nextManifest(
    keys: VaultKeys,
    base: ManifestState,
    pages: Record<string, string>,
    pageBits = this.pageBits,
  ): Promise<{ content: VaultManifest; row: ManifestRow }> {
    const content: VaultManifest = { counter: base.content.counter + 1, epoch: keys.epoch, pageBits, pages };
    return { content, row: await sealManifest(keys, content) };
  }

  private manifestWritten(keys: VaultKeys, manifest: { content: VaultManifest; row: ManifestRow }): void {
    this.manifest = { content: manifest.content, rowIv: manifest.row.iv };
    this.committed?.(keys.vaultId, manifest.content.counter);
  }

  private refusedWrite(broken: VaultError, table: string, rowId: string): VaultError {
    return new VaultError('integrity', `${broken.message} Cases stored with it cannot be changed; restore a backup.`, {
      reason: 'damaged-page-write',
      table,
      rowId,
    });
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
  /** The ids of the documents of the given cases, as this window holds them. */
  documentsOf(caseTags: readonly string[]): string[] {
    return caseTags.flatMap((caseTag) => this.storedCase(caseTag)?.attachments.map((a) => a.id) ?? []);
  }

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
}

/** Lets the page render and handle input between steps of a long piece of work. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What moves with the vault to a new key epoch (see `PageStore.rotate`). */
export type RotateChange = {
  /** Cases deleted in the same transaction. */
  readonly remove?: readonly string[];
  /** A re-key: the header with the new root wrapped, replacing `from` (as read). */
  readonly header?: { readonly from: VaultHeader; readonly to: VaultHeader };
  /** A re-key: the settings sealed under the new root; `basedOn` is the IV of the row they were read from. */
  readonly settings?: { readonly row: SettingsRow | null; readonly basedOn: Uint8Array | null };
  /** A re-key: the vault's name key sealed under the new root (see row-names.ts). */
  readonly names?: NamesRow;
};

/** What another window changed meanwhile: these pages, the layout, or only the manifest (other pages). */
type Stale = string[] | 'layout' | 'manifest';

/** Thrown inside a write's transaction to abort it: another window changed these pages (or the layout). */
class StaleWrite extends Error {
  constructor(readonly pages: Stale) {
    super('stale write');
  }
}

/**
 * A write under keys of an epoch the vault has left (another window deleted a case, and re-wrapped
 * every key under a new epoch) would wrap keys that nobody could open: refused.
 */
function checkEpoch(row: MetaRow | undefined, keys: VaultKeys): void {
  const stored = row?.key === 'epoch' ? row.epoch : 0;
  if (stored !== keys.epoch)
    throw new VaultError(
      'storage',
      'save: another window deleted a case, which renewed the vault’s keys; nothing was written. Lock the vault and unlock it again.',
      { reason: 'epoch-changed' },
    );
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
