import { foldedAndSkeletonText, queryTokens } from './normalize';

/** A document to search: an id and its texts (titles, names, outlets, courts, numbers, …). */
export type SearchDocument = { readonly id: string; readonly texts: readonly string[] };

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
 * folded key, Kazakh letters kept) rank first, then by order of entry. Documents can be added,
 * replaced and removed one at a time, so an edit does not rebuild the index.
 *
 * Each document gets a number when it is entered (a replaced document a new one), so numbers
 * are the order of entry and every posting list is sorted by them. A query counts, per document
 * number, how many of its words matched so far (scratch arrays, cleared after the query), rather
 * than building and intersecting sets of ids, and ranks by bucketing the scores rather than
 * sorting: its cost follows the postings it reads, not the size of the vault squared.
 */
export class SearchIndex {
  private readonly skeleton = new WordPostings();
  private readonly folded = new WordPostings();
  /** Document number → id; undefined once the document was removed or replaced. */
  private readonly ids: Array<string | undefined> = [];
  private readonly numberOf = new Map<string, number>();
  /** Scratch, per document number: query words matched so far (zero between queries). */
  private matched = new Uint16Array(0);
  /** Scratch, per document number: query words matched letter for letter (zero between queries). */
  private exact = new Uint16Array(0);
  /** Scratch, per document number: the last (query, word) pass that counted it, so a pass counts it once. */
  private seen = new Uint32Array(0);
  private pass = 0;
  /** Scratch: the document numbers a query reached, and its candidates (reused, so a query allocates little). */
  private touched = new Int32Array(0);
  private candidates = new Int32Array(0);

  constructor(documents: Iterable<SearchDocument> = []) {
    for (const document of documents) this.upsert(document);
  }

  get size(): number {
    return this.numberOf.size;
  }

  upsert(document: SearchDocument): void {
    this.upsertWords(document.id, documentWords(document));
  }

  /** Adds or replaces a document whose words were normalised before (see `documentWords`). */
  upsertWords(id: string, words: DocumentWords): void {
    this.remove(id);
    const number = this.ids.length;
    this.ids.push(id);
    this.numberOf.set(id, number);
    this.skeleton.add(number, words.skeleton);
    this.folded.add(number, words.folded);
  }

  remove(id: string): void {
    const number = this.numberOf.get(id);
    if (number === undefined) return;
    this.numberOf.delete(id);
    this.ids[number] = undefined;
    this.skeleton.remove(number);
    this.folded.remove(number);
  }

  /** Ids of the matching documents, best first; an empty query matches nothing. */
  search(query: string): string[] {
    const tokens = queryTokens(query).slice(0, MAX_QUERY_WORDS);
    if (tokens.length === 0) return [];
    this.fitScratch();
    const { matched, exact, seen, touched } = this;
    // Documents that matched the first word (`touched`, `reached` of them): every candidate is
    // among them, and their scratch counts are the only ones this query sets, so they are the
    // ones cleared after it.
    let reached = 0;
    try {
      for (const [t, token] of tokens.entries()) {
        let advanced = 0;
        this.skeleton.forEachWithPrefix(token.skeleton, (number) => {
          if (matched[number] !== t) return;
          matched[number] = t + 1;
          if (t === 0) touched[reached++] = number;
          advanced += 1;
        });
        if (advanced === 0) return [];
      }
      const all = tokens.length;
      for (const token of tokens) {
        const pass = this.nextPass();
        this.folded.forEachWithPrefix(token.folded, (number) => {
          if (matched[number] !== all || seen[number] === pass) return;
          seen[number] = pass;
          exact[number]! += 1;
        });
      }
      // The candidates in order of entry: sorted when they are few; when they are many, a walk
      // over every document number is cheaper than sorting them.
      let candidates: Int32Array;
      if (reached * 16 < this.ids.length) {
        candidates = touched
          .slice(0, reached)
          .filter((number) => matched[number] === all)
          .sort();
      } else {
        candidates = this.candidates;
        let count = 0;
        for (let number = 0; number < this.ids.length; number += 1)
          if (matched[number] === all) candidates[count++] = number;
        candidates = candidates.subarray(0, count);
      }
      // Ids only, no object per hit: a common word can match most of the vault.
      const hits = new Array<string>(candidates.length);
      let at = 0;
      for (let score = all; score >= 0; score -= 1) {
        for (const number of candidates) if (exact[number] === score) hits[at++] = this.ids[number]!;
      }
      return hits;
    } finally {
      for (let i = 0; i < reached; i += 1) {
        matched[touched[i]!] = 0;
        exact[touched[i]!] = 0;
      }
    }
  }

  /** Grows the scratch arrays to the document numbers given out so far. */
  private fitScratch(): void {
    if (this.matched.length >= this.ids.length) return;
    const length = Math.max(1024, this.ids.length * 2);
    const grow = <T extends Uint16Array | Uint32Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(length);
      next.set(old);
      return next;
    };
    this.matched = grow(this.matched, (n) => new Uint16Array(n));
    this.exact = grow(this.exact, (n) => new Uint16Array(n));
    this.seen = grow(this.seen, (n) => new Uint32Array(n));
    this.touched = new Int32Array(length);
    this.candidates = new Int32Array(length);
  }

  private nextPass(): number {
    if (this.pass === 0xffffffff) {
      this.seen.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }
}

/** More words than anyone types: a pasted paragraph searches by its first words. */
const MAX_QUERY_WORDS = 64;

/**
 * Words → document numbers, each list sorted (numbers are given out in increasing order), with a
 * sorted word list for prefix lookups, kept sorted as words come and go once it exists.
 */
class WordPostings {
  /** Arrays, not sets: loading ten thousand documents is millions of appends, and a push is the cheapest. */
  private readonly postings = new Map<string, number[]>();
  private readonly wordsOf = new Map<number, readonly string[]>();
  /** Built at the first lookup (not while the index loads), then kept up to date. */
  private sorted: string[] | null = null;

  /** `words` are unique and non-empty (as `documentWords` gives them); `number` is above every number added before. */
  add(number: number, words: readonly string[]): void {
    this.wordsOf.set(number, words);
    for (const word of words) {
      const numbers = this.postings.get(word);
      if (numbers !== undefined) numbers.push(number);
      else {
        this.postings.set(word, [number]);
        if (this.sorted !== null) this.sorted.splice(lowerBound(this.sorted, word), 0, word);
      }
    }
  }

  remove(number: number): void {
    for (const word of this.wordsOf.get(number) ?? []) {
      const numbers = this.postings.get(word);
      if (numbers === undefined) continue;
      const at = lowerBound(numbers, number);
      if (numbers[at] === number) numbers.splice(at, 1);
      if (numbers.length === 0) {
        this.postings.delete(word);
        if (this.sorted !== null) this.sorted.splice(lowerBound(this.sorted, word), 1);
      }
    }
    this.wordsOf.delete(number);
  }

  /** Every document number with a word that starts with `prefix` (once per such word): binary search to the first word, then walk. */
  forEachWithPrefix(prefix: string, visit: (number: number) => void): void {
    this.sorted ??= [...this.postings.keys()].sort();
    const words = this.sorted;
    for (let i = lowerBound(words, prefix); i < words.length && words[i]!.startsWith(prefix); i += 1) {
      for (const number of this.postings.get(words[i]!)!) visit(number);
    }
  }
}

/** The first index in a sorted array whose value is not below `value`. */
function lowerBound<T extends string | number>(sorted: readonly T[], value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
