import { foldedKey, queryTokens, skeletonKey, type QueryToken } from './normalize';

/** A document to search: an id and its texts (titles, names, outlets, courts, numbers, …). */
export type SearchDocument = { readonly id: string; readonly texts: readonly string[] };

export type SearchHit = { readonly id: string; readonly score: number };

/**
 * A word-prefix index over skeleton keys: every word of every document, sorted, with the
 * documents it occurs in. A query word matches every indexed word it is a prefix of; a document
 * matches when all query words match (AND). Documents that also match letter for letter (the
 * folded key, Kazakh letters kept) rank first.
 */
export class SearchIndex {
  private readonly ids: string[] = [];
  private readonly words: string[];
  private readonly postings: Map<string, number[]>;
  private readonly foldedPostings: Map<string, number[]>;
  private readonly foldedWords: string[];

  constructor(documents: Iterable<SearchDocument>) {
    const postings = new Map<string, Set<number>>();
    const foldedPostings = new Map<string, Set<number>>();
    for (const document of documents) {
      const index = this.ids.push(document.id) - 1;
      for (const text of document.texts) {
        addWords(postings, skeletonKey(text).key, index);
        addWords(foldedPostings, foldedKey(text).key, index);
      }
    }
    this.postings = freeze(postings);
    this.foldedPostings = freeze(foldedPostings);
    this.words = [...this.postings.keys()].sort();
    this.foldedWords = [...this.foldedPostings.keys()].sort();
  }

  get size(): number {
    return this.ids.length;
  }

  /** Ids of the matching documents, best first; an empty query matches nothing. */
  search(query: string): SearchHit[] {
    const tokens = queryTokens(query);
    if (tokens.length === 0) return [];
    let candidates: Set<number> | null = null;
    for (const token of tokens) {
      const matches = collectPrefix(this.words, this.postings, token.skeleton);
      candidates = candidates === null ? matches : intersect(candidates, matches);
      if (candidates.size === 0) return [];
    }
    const exact = tokens.map((token) => collectPrefix(this.foldedWords, this.foldedPostings, token.folded));
    return [...(candidates ?? [])]
      .map((index) => ({ index, score: exact.reduce((sum, set) => sum + (set.has(index) ? 1 : 0), 0) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map(({ index, score }) => ({ id: this.ids[index]!, score }));
  }
}

export type { QueryToken };

function addWords(postings: Map<string, Set<number>>, key: string, index: number): void {
  for (const word of key.split(' ')) {
    if (word === '') continue;
    let set = postings.get(word);
    if (set === undefined) postings.set(word, (set = new Set()));
    set.add(index);
  }
}

function freeze(postings: Map<string, Set<number>>): Map<string, number[]> {
  return new Map([...postings].map(([word, set]) => [word, [...set]]));
}

/** Every document whose words start with `prefix`: binary search to the first, then walk. */
function collectPrefix(sortedWords: readonly string[], postings: Map<string, number[]>, prefix: string): Set<number> {
  let low = 0;
  let high = sortedWords.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedWords[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found = new Set<number>();
  for (let i = low; i < sortedWords.length && sortedWords[i]!.startsWith(prefix); i += 1) {
    for (const index of postings.get(sortedWords[i]!) ?? []) found.add(index);
  }
  return found;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const value of small) if (large.has(value)) out.add(value);
  return out;
}
