import { foldedAndSkeletonText, queryTokens } from './normalize';

/** A document to search: an id and its texts (titles, names, outlets, courts, numbers, …). */
export type SearchDocument = { readonly id: string; readonly texts: readonly string[] };

export type SearchHit = { readonly id: string; readonly score: number };

/** A document's words, normalised once: what the index stores, and what the vault keeps so it need not normalise again. */
export type DocumentWords = { readonly skeleton: readonly string[]; readonly folded: readonly string[] };

/** The unique skeleton and folded words of a document. */
export function documentWords(document: SearchDocument): DocumentWords {
  const skeleton = new Set<string>();
  const folded = new Set<string>();
  for (const text of document.texts) {
    const keys = foldedAndSkeletonText(text);
    for (const word of keys.skeleton.split(' ')) if (word !== '') skeleton.add(word);
    for (const word of keys.folded.split(' ')) if (word !== '') folded.add(word);
  }
  return { skeleton: [...skeleton], folded: [...folded] };
}

/**
 * A word-prefix index over skeleton keys: every word of every document, sorted, with the
 * documents it occurs in. A query word matches every indexed word it is a prefix of; a document
 * matches when all query words match (AND). Documents that also match letter for letter (the
 * folded key, Kazakh letters kept) rank first. Documents can be added, replaced and removed one
 * at a time, so an edit does not rebuild the index.
 */
export class SearchIndex {
  private readonly skeleton = new WordPostings();
  private readonly folded = new WordPostings();
  private readonly order = new Map<string, number>();
  private nextOrder = 0;

  constructor(documents: Iterable<SearchDocument> = []) {
    for (const document of documents) this.upsert(document);
  }

  get size(): number {
    return this.order.size;
  }

  upsert(document: SearchDocument): void {
    this.upsertWords(document.id, documentWords(document));
  }

  /** Adds or replaces a document whose words were normalised before (see `documentWords`). */
  upsertWords(id: string, words: DocumentWords): void {
    this.remove(id);
    this.order.set(id, this.nextOrder++);
    this.skeleton.add(id, words.skeleton);
    this.folded.add(id, words.folded);
  }

  remove(id: string): void {
    if (!this.order.delete(id)) return;
    this.skeleton.remove(id);
    this.folded.remove(id);
  }

  /** Ids of the matching documents, best first; an empty query matches nothing. */
  search(query: string): SearchHit[] {
    const tokens = queryTokens(query);
    if (tokens.length === 0) return [];
    let candidates: Set<string> | null = null;
    for (const token of tokens) {
      const matches = this.skeleton.withPrefix(token.skeleton);
      candidates = candidates === null ? matches : intersect(candidates, matches);
      if (candidates.size === 0) return [];
    }
    const exact = tokens.map((token) => this.folded.withPrefix(token.folded));
    return [...(candidates ?? [])]
      .map((id) => ({ id, score: exact.reduce((sum, set) => sum + (set.has(id) ? 1 : 0), 0) }))
      .sort((a, b) => b.score - a.score || (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0));
  }
}

/** Words → documents, with a sorted word list rebuilt only when a search follows a change. */
class WordPostings {
  /** Arrays, not sets: loading ten thousand documents is millions of appends, and a push is the cheapest. */
  private readonly postings = new Map<string, string[]>();
  private readonly wordsOf = new Map<string, readonly string[]>();
  private sorted: string[] | null = null;

  /** `words` are unique and non-empty (as `documentWords` gives them). */
  add(id: string, words: readonly string[]): void {
    this.wordsOf.set(id, words);
    for (const word of words) {
      const ids = this.postings.get(word);
      if (ids === undefined) {
        this.postings.set(word, [id]);
        this.sorted = null;
      } else ids.push(id);
    }
  }

  remove(id: string): void {
    for (const word of this.wordsOf.get(id) ?? []) {
      const ids = this.postings.get(word);
      if (ids === undefined) continue;
      const at = ids.indexOf(id);
      if (at >= 0) ids.splice(at, 1);
      if (ids.length === 0) {
        this.postings.delete(word);
        this.sorted = null;
      }
    }
    this.wordsOf.delete(id);
  }

  /** Every document with a word that starts with `prefix`: binary search to the first, then walk. */
  withPrefix(prefix: string): Set<string> {
    this.sorted ??= [...this.postings.keys()].sort();
    const words = this.sorted;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found = new Set<string>();
    for (let i = low; i < words.length && words[i]!.startsWith(prefix); i += 1) {
      for (const id of this.postings.get(words[i]!) ?? []) found.add(id);
    }
    return found;
  }
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<string>();
  for (const value of small) if (large.has(value)) out.add(value);
  return out;
}
