import type { Sealed } from '../../../shared/crypto/envelope';
import type { VaultKeys } from '../../../shared/crypto/vault-keys';
import type { CaseFile } from '../../../shared/domain/case-file';
import type { CaseHead } from '../../../shared/domain/case-head';
import type { DocumentWords } from '../../../shared/search/search-index';
import {
  layoutOf,
  packPage,
  packSearchPage,
  sealPage,
  type PackedCase,
  type PageRow,
  type SearchPageRow,
  type StoredPage,
} from '../../../shared/vault-format/vault-rows';
import type { MetaRow } from './vault-db';

/** A page as this window holds it while the vault is unlocked, and how it is sealed again. */

/**
 * A case of a page this window holds: its head; its JSON once the page's bodies were unpacked;
 * the whole case once it was read.
 */
export type PageCase = { readonly head: CaseHead; json: string | null; full: CaseFile | null };

/** A page as this window knows it while the vault is unlocked. */
export type PageState = {
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

/** A page's rows, sealed from its cases and their search words, and the page as this window then knows it. */
export async function sealPageState(
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
export function storedLayout(row: MetaRow | undefined): number {
  return layoutOf(row === undefined ? [] : [row]);
}

export function pageCases(page: StoredPage): Map<string, PageCase> {
  return new Map(page.heads.map((head) => [head.caseTag, { head, json: null, full: null }]));
}

/** A case of a page this window holds, as `packPage` takes it (its page was unpacked first). */
export function packed(item: PageCase): PackedCase {
  if (item.json === null) throw new Error('vault-repository: a case was packed before its page was unpacked');
  return { head: item.head, json: item.json };
}
