import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTokens } from '../../../../shared/search/normalize';
import { documentWords, SearchIndex, type SearchDocument } from '../../../../shared/search/search-index';

/**
 * The index against the plainest statement of what it promises: a document matches when every
 * query word is a prefix of one of its words (skeleton keys); it scores one per query word that
 * is also a prefix letter for letter (folded keys); best score first, then order of entry (a
 * replaced document re-enters at the end).
 */
function reference(documents: ReadonlyArray<SearchDocument>, query: string): string[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const hits: Array<{ id: string; score: number }> = [];
  for (const document of documents) {
    const words = documentWords(document);
    const has = (list: readonly string[], prefix: string) => list.some((word) => word.startsWith(prefix));
    if (!tokens.every((token) => has(words.skeleton, token.skeleton))) continue;
    hits.push({ id: document.id, score: tokens.filter((token) => has(words.folded, token.folded)).length });
  }
  return hits
    .map((hit, order) => ({ hit, order }))
    .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
    .map(({ hit }) => hit.id);
}

const WORDS = [
  'Әділет',
  'Adilet',
  'адилет',
  'Бажкенова',
  'Bazhkenova',
  'суд',
  'sud',
  'Уральск',
  'Uralsk',
  'иск',
  '2025-00012',
  'Ұлы',
  'ulу',
  'орда',
  'Orda.kz',
];

describe('SearchIndex against its reference', () => {
  it('finds and ranks exactly what the reference does, through any sequence of upserts and removals', () => {
    const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    const step = fc.oneof(
      fc.record({
        op: fc.constant('upsert' as const),
        id: fc.integer({ min: 0, max: 12 }),
        texts: fc.array(text, { maxLength: 3 }),
      }),
      fc.record({ op: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 12 }) }),
    );
    const query = fc
      .array(fc.constantFrom(...WORDS.map((word) => word.slice(0, 3)), ...WORDS, 'zzz'), { minLength: 1, maxLength: 3 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        (steps, queries) => {
          const index = new SearchIndex();
          let documents: SearchDocument[] = [];
          for (const [i, change] of steps.entries()) {
            const id = `d${change.id}`;
            documents = documents.filter((document) => document.id !== id);
            if (change.op === 'upsert') {
              documents.push({ id, texts: change.texts });
              index.upsert({ id, texts: change.texts });
            } else index.remove(id);
            // Searching between changes exercises the sorted word list as it is kept up to date.
            if (i % 7 === 3) expect(index.search(queries[0]!)).toEqual(reference(documents, queries[0]!));
          }
          expect(index.size).toBe(documents.length);
          for (const q of queries) expect(index.search(q)).toEqual(reference(documents, q));
        },
      ),
      { numRuns: 400 },
    );
  });
});
