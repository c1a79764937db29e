/**
 * Search keys for Russian, Kazakh and English text in Cyrillic and Latin script.
 *
 * Two keys per text:
 * - the **folded** key: lower case, NFC, ё read as е; the Kazakh letters ә ғ қ ң ө ұ ү һ і are
 *   kept as themselves (folding them into а г к н о у х и would merge different words);
 * - the **skeleton** key: a deliberately lossy Latin spelling that makes the ways people write
 *   the same name meet: Cyrillic, the Kazakh Latin alphabets (2018 with apostrophes, 2021 with
 *   ä ğ q ñ ö ū ü ı), Azerbaijani-style ə, and Russian passport transliteration (zh, kh, ts, ya…).
 *   "Bazhkenova" and "Бажкенова" share `bajkenova`; "Ədilet" and "Әділет" share `adilet`.
 *
 * Both keys keep a map back to the source text so that a match can be highlighted where it is.
 */

/** A key with, for each of its characters, the source range it came from. */
export type MappedKey = { readonly key: string; readonly starts: readonly number[]; readonly ends: readonly number[] };

// prettier-ignore
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c',
  ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Kazakh letters: deliberately mapped to the Latin letter each is written with.
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  // Ukrainian and Belarusian letters that turn up in names.
  є: 'e', ї: 'i', ў: 'u', ґ: 'g',
};

// prettier-ignore
const LATIN_TO_SKELETON: Readonly<Record<string, string>> = {
  ə: 'a', ä: 'a', ğ: 'g', q: 'k', ñ: 'n', ö: 'o', ū: 'u', ü: 'u', ı: 'i', ş: 'sh', ç: 'ch',
  y: 'i', w: 'v', x: 'ks',
};

/**
 * Spellings of one sound that transliterations disagree on, folded to one; longest first. A rule
 * may hold only where the letter before it is a word start or a vowel (`after: 'start-or-vowel'`:
 * Е written "ye"), only after a consonant (`after: 'consonant'`: Ё written "yo", as in Ponomaryov
 * and Semyon, meets the е it is read as), or only before a consonant (`before: 'consonant'`: the
 * ы of "уы" that passports leave out, as in Baurzhan for Бауыржан).
 */
const DIGRAPHS: ReadonlyArray<{
  readonly from: string;
  readonly to: string;
  readonly after?: 'start-or-vowel' | 'consonant';
  readonly before?: 'consonant';
}> = [
  { from: 'shch', to: 'sh' },
  { from: 'dzh', to: 'j' },
  { from: 'zh', to: 'j' },
  { from: 'dj', to: 'j' },
  { from: 'kh', to: 'h' },
  { from: 'ts', to: 'c' },
  { from: 'ph', to: 'f' },
  { from: 'ie', to: 'e', after: 'start-or-vowel' },
  { from: 'io', to: 'e', after: 'consonant' },
  { from: 'ui', to: 'u', before: 'consonant' },
];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

const APOSTROPHES = new Set(["'", '’', 'ʼ', '`', 'ʻ']);

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

const foldCache = new Map<string, string>();
const skeletonCache = new Map<string, string>();

/** One source character, lower-cased, ё read as е. */
function foldChar(char: string): string {
  let folded = foldCache.get(char);
  if (folded === undefined) {
    const lower = char.toLowerCase();
    folded = lower === 'ё' ? 'е' : (lower[0] ?? '');
    foldCache.set(char, folded);
  }
  return folded;
}

/** The skeleton letters of one folded character (possibly none, possibly two). */
function skeletonOfChar(char: string): string {
  let out = skeletonCache.get(char);
  if (out === undefined) {
    const mapped = CYRILLIC_TO_LATIN[char] ?? LATIN_TO_SKELETON[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
    out = [...mapped].map((letter) => LATIN_TO_SKELETON[letter] ?? letter).join('');
    skeletonCache.set(char, out);
  }
  return out;
}

/** Per source character: its folded letter, ' ' for a separator, '' for an apostrophe (dropped). */
const classCache = new Map<string, string>();

function classOf(char: string): string {
  let folded = classCache.get(char);
  if (folded === undefined) {
    folded = isWordChar(char) ? foldChar(char) : APOSTROPHES.has(char) ? '' : ' ';
    classCache.set(char, folded);
  }
  return folded;
}

/** `classOf` and the skeleton letters, by UTF-16 code unit (filled as met; dense, so lookups stay fast). */
const classTable: Array<string | null> = new Array<string | null>(65536).fill(null);
const skeletonTable: Array<string | null> = new Array<string | null>(65536).fill(null);
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The folded key and, when asked, the skeleton letters (before digraphs and doubled letters are
 * collapsed), in one pass with table lookups: indexing ten thousand cases must not stall. Text
 * with characters outside the Basic Multilingual Plane takes the general path.
 */
function scan(text: string, withSkeleton: boolean): { folded: string; letters: string } {
  if (SURROGATE.test(text)) return scanSlowly(text, withSkeleton);
  let folded = '';
  let letters = '';
  let lastWasSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let cls = classTable[code]!;
    if (cls === null) cls = classTable[code] = classOf(text[i]!);
    if (cls === ' ') {
      if (!lastWasSpace) {
        folded += ' ';
        if (withSkeleton) letters += ' ';
        lastWasSpace = true;
      }
    } else if (cls !== '') {
      folded += cls;
      if (withSkeleton) {
        let skeleton = skeletonTable[code]!;
        if (skeleton === null) skeleton = skeletonTable[code] = skeletonOfChar(cls);
        letters += skeleton;
      }
      lastWasSpace = false;
    }
  }
  return { folded, letters };
}

function scanSlowly(text: string, withSkeleton: boolean): { folded: string; letters: string } {
  let folded = '';
  let letters = '';
  let lastWasSpace = true;
  for (const char of text) {
    const cls = classOf(char);
    if (cls === ' ') {
      if (!lastWasSpace) {
        folded += ' ';
        if (withSkeleton) letters += ' ';
        lastWasSpace = true;
      }
    } else if (cls !== '') {
      folded += cls;
      if (withSkeleton) letters += skeletonOfChar(cls);
      lastWasSpace = false;
    }
  }
  return { folded, letters };
}

/** The folded key as a plain string: the same as `foldedKey(text).key`, without the map. */
export function foldedText(text: string): string {
  return scan(text, false).folded;
}

/** Both plain keys of a text in one pass: what indexing a document needs. */
export function foldedAndSkeletonText(text: string): { folded: string; skeleton: string } {
  const { folded, letters } = scan(text, true);
  return { folded, skeleton: collapseSkeleton(letters) };
}

const DIGRAPH_PATTERN = new RegExp(
  DIGRAPHS.map(
    ({ from, after, before }) =>
      `${after === 'start-or-vowel' ? '(?<=^|[ aeiou])' : after === 'consonant' ? '(?<=[^ aeiou])' : ''}${from}${
        before === 'consonant' ? '(?=[^ aeiou])' : ''
      }`,
  ).join('|'),
  'g',
);
const DIGRAPH_OUT: Readonly<Record<string, string>> = Object.fromEntries(DIGRAPHS.map(({ from, to }) => [from, to]));

/**
 * The skeleton key as a plain string, for indexing many documents fast: the same as
 * `skeletonKey(text).key` (a property test holds the two together), without the map.
 */
export function skeletonText(text: string): string {
  return collapseSkeleton(scan(text, true).letters);
}

function collapseSkeleton(latin: string): string {
  return latin.replace(DIGRAPH_PATTERN, (match) => DIGRAPH_OUT[match] ?? match).replace(/([^ ])\1+/g, '$1');
}

/** The folded key: what a person types, matched letter for letter. */
export function foldedKey(text: string): MappedKey {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = true;
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0;
    const source = String.fromCodePoint(codePoint);
    const end = i + source.length;
    if (isWordChar(source)) {
      chars.push(foldChar(source));
      starts.push(i);
      ends.push(end);
      lastWasSpace = false;
    } else if (!APOSTROPHES.has(source) && !lastWasSpace) {
      chars.push(' ');
      starts.push(i);
      ends.push(end);
      lastWasSpace = true;
    }
    i = end;
  }
  return { key: chars.join(''), starts, ends };
}

/** The skeleton key: cross-script and cross-transliteration. */
export function skeletonKey(text: string): MappedKey {
  const folded = foldedKey(text);
  // Letter by letter to basic Latin, each output letter remembering its source range.
  const letters: { char: string; start: number; end: number }[] = [];
  for (let i = 0; i < folded.key.length; i += 1) {
    const char = folded.key[i]!;
    const start = folded.starts[i]!;
    const end = folded.ends[i]!;
    for (const out of skeletonOfChar(char)) letters.push({ char: out, start, end });
  }
  // Digraphs, then doubled letters, collapse to one spelling spanning all their sources.
  const rewritten: { char: string; start: number; end: number }[] = [];
  for (let i = 0; i < letters.length;) {
    const rule = DIGRAPHS.find(({ from, after, before }) => {
      if (
        letters
          .slice(i, i + from.length)
          .map((l) => l.char)
          .join('') !== from
      )
        return false;
      const previous = rewritten[rewritten.length - 1]?.char;
      const next = letters[i + from.length]?.char;
      const consonant = (char: string | undefined) => char !== undefined && char !== ' ' && !VOWELS.has(char);
      if (after === 'start-or-vowel' && !(previous === undefined || previous === ' ' || VOWELS.has(previous)))
        return false;
      if (after === 'consonant' && !consonant(previous)) return false;
      return before !== 'consonant' || consonant(next);
    });
    if (rule === undefined) {
      rewritten.push({ ...letters[i]! });
      i += 1;
      continue;
    }
    const length = rule.from.length;
    const start = letters[i]!.start;
    const end = letters[i + length - 1]!.end;
    for (const char of rule.to) rewritten.push({ char, start, end });
    i += length;
  }
  const out: { char: string; start: number; end: number }[] = [];
  for (const here of rewritten) {
    const previous = out[out.length - 1];
    if (previous && previous.char === here.char && here.char !== ' ') {
      previous.end = here.end;
      continue;
    }
    out.push(here);
  }
  return { key: out.map((l) => l.char).join(''), starts: out.map((l) => l.start), ends: out.map((l) => l.end) };
}

/**
 * Russian and Kazakh inflect names and nouns at the end ("Бажкенова", "Бажкеновой",
 * "Бажкеновым"): a query word of five letters or more drops its final vowels, so that it matches
 * every case form as a prefix.
 */
function stem(skeleton: string): string {
  if (skeleton.length < 5) return skeleton;
  const stemmed = skeleton.replace(/[aeiou]+$/, '');
  return stemmed.length >= 4 ? stemmed : skeleton;
}

/** The words of a query, as folded and skeleton keys. */
export type QueryToken = { readonly folded: string; readonly skeleton: string };

export function queryTokens(query: string): QueryToken[] {
  return foldedText(query)
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => ({ folded: word, skeleton: stem(skeletonText(word).replace(/ /g, '')) }))
    .filter((token) => token.skeleton !== '');
}

/**
 * Source ranges where the query's words start words of `text` (prefix match on the skeleton),
 * merged and sorted: what to highlight.
 */
export function matchRanges(text: string, tokens: readonly QueryToken[]): Array<readonly [number, number]> {
  if (tokens.length === 0 || text === '') return [];
  const key = skeletonKey(text);
  const ranges: Array<[number, number]> = [];
  let wordStart = 0;
  for (let i = 0; i <= key.key.length; i += 1) {
    if (i < key.key.length && key.key[i] !== ' ') continue;
    const word = key.key.slice(wordStart, i);
    for (const token of tokens) {
      if (word.startsWith(token.skeleton)) {
        ranges.push([key.starts[wordStart]!, key.ends[wordStart + token.skeleton.length - 1]!]);
      }
    }
    wordStart = i + 1;
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
