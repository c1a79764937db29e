import { caseSearchDocument } from '../../../shared/search/case-document';
import { documentWords, SearchIndex } from '../../../shared/search/search-index';
import { indexSearchPages } from './search-pages';
import type { SearchReply, SearchRequest } from './search-worker';
import type { CaseFile } from '../../../shared/domain/case-file';

/**
 * Search over the open vault. In the app the index lives in a Web Worker, so opening ten
 * thousand cases shows the list while the index is built beside it; where workers do not exist
 * (unit tests in Node) the same index runs inline. Both answer asynchronously.
 */
export type SearchClient = {
  /** Starts the worker ahead of `load` (while the key is derived), so it is ready when the pages are. */
  warm(): void;
  /**
   * Builds the index from the decrypted search pages, given at once or batch by batch as they are
   * decrypted; resolves when search is ready (when the batches end).
   */
  load(pages: SearchPageBatches): Promise<void>;
  upsert(view: CaseFile): void;
  remove(caseTag: string): void;
  search(query: string): Promise<string[]>;
  /** Drops the index (on lock). */
  dispose(): void;
};

/** Decrypted search pages: all of them, or batches of them as they are decrypted. */
export type SearchPageBatches = readonly Uint8Array[] | AsyncIterable<readonly Uint8Array[]>;

/** The batches of `pages`, one by one. */
async function* batchesOf(pages: SearchPageBatches): AsyncGenerator<readonly Uint8Array[]> {
  if (Array.isArray(pages)) yield pages as readonly Uint8Array[];
  else yield* pages as AsyncIterable<readonly Uint8Array[]>;
}

export function createSearchClient(): SearchClient {
  return typeof Worker === 'undefined' ? new InlineSearch() : new WorkerSearch();
}

class InlineSearch implements SearchClient {
  private index = new SearchIndex();

  warm(): void {
    // Nothing to start: the index lives in this thread.
  }

  async load(pages: SearchPageBatches): Promise<void> {
    this.index = new SearchIndex();
    for await (const batch of batchesOf(pages)) await indexSearchPages(this.index, batch);
  }

  upsert(view: CaseFile): void {
    this.index.upsertWords(view.caseTag, documentWords(caseSearchDocument(view)));
  }

  remove(caseTag: string): void {
    this.index.remove(caseTag);
  }

  search(query: string): Promise<string[]> {
    return Promise.resolve(this.index.search(query));
  }

  dispose(): void {
    this.index = new SearchIndex();
  }
}

class WorkerSearch implements SearchClient {
  /** Started on first use: a client that is never loaded costs nothing. */
  private worker: Worker | null = null;
  private nextRequest = 0;
  private readonly pending = new Map<number, (hits: string[]) => void>();
  private loaded: (() => void) | null = null;

  private start(): Worker {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
    worker.onmessage = (event: MessageEvent<SearchReply>) => {
      const reply = event.data;
      if (reply.type === 'loaded') {
        for (const [name, at] of Object.entries(reply.timing))
          performance.mark(`qorgau:search-${name}`, { startTime: at - performance.timeOrigin });
        this.loaded?.();
        this.loaded = null;
      } else if (reply.type === 'hits') {
        this.pending.get(reply.request)?.(reply.hits);
        this.pending.delete(reply.request);
      } else {
        // A failed request answers with no hits rather than leaving the search box waiting.
        for (const resolve of this.pending.values()) resolve([]);
        this.pending.clear();
        this.loaded?.();
        this.loaded = null;
      }
    };
    return worker;
  }

  warm(): void {
    this.worker ??= this.start();
  }

  async load(pages: SearchPageBatches): Promise<void> {
    const loaded = new Promise<void>((resolve) => {
      this.loaded = resolve;
    });
    for await (const batch of batchesOf(pages)) {
      const copies = batch.map((page) => page.slice());
      this.post(
        { type: 'load-part', pages: copies },
        copies.map((page) => page.buffer),
      );
    }
    this.post({ type: 'load-end' });
    await loaded;
  }

  upsert(view: CaseFile): void {
    this.post({ type: 'upsert', id: view.caseTag, words: documentWords(caseSearchDocument(view)) });
  }

  remove(caseTag: string): void {
    this.post({ type: 'remove', id: caseTag });
  }

  search(query: string): Promise<string[]> {
    const request = this.nextRequest++;
    return new Promise((resolve) => {
      this.pending.set(request, resolve);
      this.post({ type: 'search', request, query });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.pending.values()) resolve([]);
    this.pending.clear();
  }

  private post(message: SearchRequest, transfer: Transferable[] = []): void {
    this.worker ??= this.start();
    this.worker.postMessage(message, transfer);
  }
}
