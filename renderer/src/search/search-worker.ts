/// <reference lib="webworker" />
import { SearchIndex, type DocumentWords } from '../../../shared/search/search-index';
import { zstdReady } from '../../../shared/vault-format/zstd';
import { indexSearchPages } from './search-pages';

/**
 * The search index, off the UI thread: built from the decrypted search pages while the main
 * thread shows the list, then kept up to date case by case. It holds words of case texts, which
 * live only in this worker's memory and go when the vault locks (the worker is terminated).
 */
export type SearchRequest =
  /** Part of the pages of the vault being opened, in the order they were decrypted. */
  | { readonly type: 'load-part'; readonly pages: Uint8Array[] }
  /** All parts were sent: the new index replaces the old one. */
  | { readonly type: 'load-end' }
  | { readonly type: 'upsert'; readonly id: string; readonly words: DocumentWords }
  | { readonly type: 'remove'; readonly id: string }
  | { readonly type: 'search'; readonly request: number; readonly query: string };

export type SearchReply =
  | {
      readonly type: 'loaded';
      /** When the load arrived, its pages were parsed, and the index was built (epoch ms), for `npm run bench`. */
      readonly timing: { readonly received: number; readonly parsed: number; readonly indexed: number };
    }
  | { readonly type: 'hits'; readonly request: number; readonly hits: string[] }
  | { readonly type: 'failed'; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The worker is started while the key is derived (see `warm`): the search pages' decompressor
// starts with it, not when the first pages arrive. A failure is reported when they do.
zstdReady().catch(() => undefined);
let index = new SearchIndex();
/** The index being built from the parts of a load, with when its first part arrived and its last was parsed. */
let loading: { readonly next: SearchIndex; readonly received: number; parsed: number } | null = null;

/**
 * One message at a time, in order: the parts of a load are indexed as they arrive (while the main
 * thread is still reading and parsing the rest), and an edit made while the index is still
 * loading lands after it.
 */
async function handle(message: SearchRequest): Promise<void> {
  switch (message.type) {
    case 'load-part': {
      loading ??= { next: new SearchIndex(), received: epochNow(), parsed: 0 };
      loading.parsed = (await indexSearchPages(loading.next, message.pages)) + performance.timeOrigin;
      break;
    }
    case 'load-end': {
      const loaded = loading ?? { next: new SearchIndex(), received: epochNow(), parsed: epochNow() };
      loading = null;
      index = loaded.next;
      scope.postMessage({
        type: 'loaded',
        timing: { received: loaded.received, parsed: loaded.parsed, indexed: epochNow() },
      } satisfies SearchReply);
      break;
    }
    case 'upsert':
      index.upsertWords(message.id, message.words);
      loading?.next.upsertWords(message.id, message.words);
      break;
    case 'remove':
      index.remove(message.id);
      loading?.next.remove(message.id);
      break;
    case 'search':
      scope.postMessage({
        type: 'hits',
        request: message.request,
        hits: index.search(message.query),
      } satisfies SearchReply);
      break;
  }
}

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<SearchRequest>) => {
  queue = queue
    .then(() => handle(event.data))
    .catch((error: unknown) =>
      scope.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies SearchReply),
    );
};
