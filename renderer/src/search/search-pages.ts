import type { SearchPageContent } from '../../../shared/backup/vault-rows';
import { fromUtf8 } from '../../../shared/crypto/bytes';
import type { SearchIndex } from '../../../shared/search/search-index';

/** Fills an index from decrypted search pages: words normalised when the cases were saved. */
export function indexSearchPages(index: SearchIndex, pages: readonly Uint8Array[]): void {
  for (const page of pages) {
    const content = JSON.parse(fromUtf8(page)) as SearchPageContent;
    for (const [id, words] of Object.entries(content.words)) index.upsertWords(id, words);
  }
}
