/// <reference lib="webworker" />
import { SearchIndex, type DocumentWords } from '../../../shared/search/search-index';
import { indexSearchPages } from './search-pages';

/**
 * The search index, off the UI thread: built from the decrypted search pages while the main
 * thread shows the list, then kept up to date case by case. It holds words of case texts, which
 * live only in this worker's memory and go when the vault locks (the worker is terminated).
 */
export type SearchRequest =
  | { readonly type: 'load'; readonly pages: Uint8Array[] }
  | { readonly type: 'upsert'; readonly id: string; readonly words: DocumentWords }
  | { readonly type: 'remove'; readonly id: string }
  | { readonly type: 'search'; readonly request: number; readonly query: string };

export type SearchReply =
  | {
      readonly type: 'loaded';
      /** When the load arrived, its pages were parsed, and the index was built (epoch ms), for `npm run bench`. */
      readonly timing: { readonly received: number; readonly parsed: number; readonly indexed: number };
    }
  | { readonly type: 'hits'; readonly request: number; readonly hits: Array<{ id: string; score: number }> }
  | { readonly type: 'failed'; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let index = new SearchIndex();

/** One message at a time, in order: an edit made while the index is still loading lands after it. */
async function handle(message: SearchRequest): Promise<void> {
  switch (message.type) {
    case 'load': {
      const received = epochNow();
      const next = new SearchIndex();
      const parsed = await indexSearchPages(next, message.pages);
      index = next;
      scope.postMessage({
        type: 'loaded',
        timing: { received, parsed: parsed + performance.timeOrigin, indexed: epochNow() },
      } satisfies SearchReply);
      break;
    }
    case 'upsert':
      index.upsertWords(message.id, message.words);
      break;
    case 'remove':
      index.remove(message.id);
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
