import { caseSearchDocument } from '../../../shared/search/case-document';
import { documentWords, SearchIndex, type SearchHit } from '../../../shared/search/search-index';
import type { CaseView } from '../vault/vault-service';
import { indexSearchPages } from './search-pages';
import type { SearchReply, SearchRequest } from './search-worker';

/**
 * Search over the open vault. In the app the index lives in a Web Worker, so opening ten
 * thousand cases shows the list while the index is built beside it; where workers do not exist
 * (unit tests in Node) the same index runs inline. Both answer asynchronously.
 */
export type SearchClient = {
  /** Starts the worker ahead of `load` (while the key is derived), so it is ready when the pages are. */
  warm(): void;
  /** Builds the index from the decrypted search pages; resolves when search is ready. */
  load(pages: readonly Uint8Array[]): Promise<void>;
  upsert(view: CaseView): void;
  remove(caseTag: string): void;
  search(query: string): Promise<SearchHit[]>;
  /** Drops the index (on lock). */
  dispose(): void;
};

export function createSearchClient(): SearchClient {
  return typeof Worker === 'undefined' ? new InlineSearch() : new WorkerSearch();
}

class InlineSearch implements SearchClient {
  private index = new SearchIndex();

  warm(): void {
    // Nothing to start: the index lives in this thread.
  }

  async load(pages: readonly Uint8Array[]): Promise<void> {
    this.index = new SearchIndex();
    await indexSearchPages(this.index, pages);
  }

  upsert(view: CaseView): void {
    this.index.upsertWords(view.caseTag, documentWords(caseSearchDocument(view)));
  }

  remove(caseTag: string): void {
    this.index.remove(caseTag);
  }

  search(query: string): Promise<SearchHit[]> {
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
  private readonly pending = new Map<number, (hits: SearchHit[]) => void>();
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

  load(pages: readonly Uint8Array[]): Promise<void> {
    const copies = pages.map((page) => page.slice());
    return new Promise((resolve) => {
      this.loaded = resolve;
      this.post(
        { type: 'load', pages: copies },
        copies.map((page) => page.buffer),
      );
    });
  }

  upsert(view: CaseView): void {
    this.post({ type: 'upsert', id: view.caseTag, words: documentWords(caseSearchDocument(view)) });
  }

  remove(caseTag: string): void {
    this.post({ type: 'remove', id: caseTag });
  }

  search(query: string): Promise<SearchHit[]> {
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
