import { unpackSearchPage } from '../../../shared/vault-format/vault-rows';
import type { SearchIndex } from '../../../shared/search/search-index';

/**
 * Fills an index from decrypted search pages: words normalised when the cases were saved. Gives
 * back when the pages were parsed (`performance.now()`), for `npm run bench`.
 */
export async function indexSearchPages(index: SearchIndex, pages: readonly Uint8Array[]): Promise<number> {
  const contents = await Promise.all(pages.map((page) => unpackSearchPage(page, '')));
  const parsed = performance.now();
  for (const content of contents) {
    for (const [id, words] of Object.entries(content.words)) index.upsertWords(id, words);
  }
  return parsed;
}
