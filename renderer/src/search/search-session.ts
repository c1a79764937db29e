import { markTiming } from '../../../shared/app/timing';
import { zstdReady } from '../../../shared/vault-format/zstd';
import { createSearchClient, type SearchClient, type SearchPageBatches } from './search-client';

/** A search index being built for the vault being opened, and whether it is ready. */
type Build = { readonly client: SearchClient; loading: boolean; ready: boolean };

/**
 * The search index's life beside the vault's: a worker warmed while the key is derived, loaded
 * from the search pages batch by batch as the vault opens, handed to the store once the list is
 * shown, and dropped with the keys on lock (it holds words of case texts).
 */
export class SearchSession {
  /** The index being built for the vault being opened (started before its cases are parsed), or null. */
  private pending: Build | null = null;

  /** Called once an index the store holds has all its words; the store then searches with it. */
  constructor(private readonly onReady: (client: SearchClient) => void) {}

  /**
   * Starts what opening the vault will need while the key is derived (the main thread is idle then;
   * once the pages are decrypted it is busy, and a worker started at that moment waited for it,
   * measured with `npm run bench`): a search worker, whose script loads and compiles, and the
   * pages' decompressor. A decompressor that fails to start is reported when the pages are read.
   */
  warmUp(): void {
    zstdReady().catch(() => undefined);
    if (this.pending !== null && !this.pending.loading) return;
    this.pending?.client.dispose();
    this.pending = { client: createSearchClient(), loading: false, ready: false };
    this.pending.client.warm();
  }

  /** The vault's search pages are arriving (batch by batch, as they are decrypted): index them. */
  load(pages: SearchPageBatches): void {
    if (this.pending?.loading) this.pending.client.dispose();
    this.pending = this.start(pages);
  }

  /**
   * The index for the vault just opened: the one loading since its pages arrived, or one started
   * now from them. It stops being pending: it is the store's from here.
   */
  take(pages: SearchPageBatches): { readonly client: SearchClient; readonly ready: boolean } {
    const build = this.pending?.loading ? this.pending : this.start(pages);
    this.pending = null;
    if (build.ready) markTiming('qorgau:search-ready');
    return { client: build.client, ready: build.ready };
  }

  /** Drops an index still being built (on lock). */
  discard(): void {
    this.pending?.client.dispose();
    this.pending = null;
  }

  private start(pages: SearchPageBatches): Build {
    const build: Build =
      this.pending !== null && !this.pending.loading
        ? this.pending
        : { client: createSearchClient(), loading: false, ready: false };
    build.loading = true;
    void build.client.load(pages).then(() => {
      build.ready = true;
      this.onReady(build.client);
    });
    return build;
  }
}
