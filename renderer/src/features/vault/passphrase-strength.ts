import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * How guessable a passphrase is, for people who write Russian, Kazakh and English. zxcvbn (the
 * @zxcvbn-ts build) with its English and common dictionaries, plus:
 *
 * - Russian and Kazakh words (from Debian's hunspell dictionaries, see scripts/make-wordlists.mjs)
 *   and Kazakhstan's places and common names, each also as transliterated Latin ("parol",
 *   "almaty"), since people type them both ways;
 * - the same keys on the other layout: "gfhjkm" is "пароль" typed with the English layout on, and
 *   "йцукенгшщз" is the keyboard's top row. The passphrase is scored as typed and with its keys
 *   read on the other layout, and the lowest score counts;
 * - a minimum length, whatever the score.
 */

/** 0–4, as zxcvbn scores; below 3 is refused (guessable within hours by an offline attacker). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;
export const MIN_ACCEPTED_SCORE: StrengthScore = 3;
/** Fewer characters than this is refused whatever the score. */
export const MIN_PASSPHRASE_LENGTH = 12;

export type Strength = {
  readonly score: StrengthScore;
  /** zxcvbn's own warning and suggestions (English), shown in the English UI. */
  readonly warning: string;
  readonly suggestions: readonly string[];
};

/** The Russian keyboard (ЙЦУКЕН) and the English one (QWERTY), key for key. */
const RU_KEYS = 'ёйцукенгшщзхъфывапролджэячсмитьбю';
const EN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.";
const TO_LATIN_KEYS = new Map([...RU_KEYS].map((ch, i) => [ch, EN_KEYS[i]!]));
const TO_CYRILLIC_KEYS = new Map([...EN_KEYS].map((ch, i) => [ch, RU_KEYS[i]!]));

/** The same keys read on the other layout: Cyrillic letters as QWERTY keys, Latin ones as ЙЦУКЕН keys. */
export function otherLayout(text: string): string {
  return [...text.toLowerCase()].map((ch) => TO_LATIN_KEYS.get(ch) ?? TO_CYRILLIC_KEYS.get(ch) ?? ch).join('');
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  і: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Russian or Kazakh in Latin letters, as people commonly type it ("Алматы" → "almaty"). */
export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('');
}

type Estimator = { readonly factory: ZxcvbnFactory; readonly words: { ru: string[]; kk: string[] } };
let estimator: Promise<Estimator> | null = null;

const lines = (text: string) => text.split('\n').filter((word) => word !== '');

/** Loads the dictionaries (a few megabytes) only when someone types a passphrase. */
function loadEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('./wordlists/ru.txt?raw'),
    import('./wordlists/kk.txt?raw'),
    import('./wordlists/places.txt?raw'),
  ]).then(([core, common, en, ru, kk, places]) => {
    const words = { ru: lines(ru.default), kk: lines(kk.default) };
    const placeNames = lines(places.default);
    const latin = (list: string[]) => [...new Set(list.map(transliterate))];
    return {
      words,
      factory: new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: {
          ...common.dictionary,
          ...en.dictionary,
          // Places and names first: a likelier guess than a word of the same length.
          places: placeNames,
          placesLatin: latin(placeNames),
          ru: words.ru,
          ruLatin: latin(words.ru),
          kk: words.kk,
          kkLatin: latin(words.kk),
        },
      }),
    };
  });
  return estimator;
}

/**
 * Estimates how guessable a passphrase is, as typed and with its keys on the other layout (the
 * lower counts); `userInputs` (app name, …) count as known words.
 */
export async function estimateStrength(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  const { factory } = await loadEstimator();
  const known = ['qorgau', 'қорғау', 'vault', ...userInputs];
  const results = [passphrase, otherLayout(passphrase)].map((candidate) => factory.check(candidate, known));
  const weakest = results.reduce((a, b) => (b.score < a.score ? b : a));
  return {
    score: weakest.score,
    warning: weakest.feedback.warning ?? '',
    suggestions: weakest.feedback.suggestions,
  };
}

/** Why a new passphrase cannot be used, or null: too short, too guessable, or the two entries differ. */
export async function newPassphraseProblem(
  passphrase: string,
  confirmation: string,
): Promise<
  | { readonly reason: 'too-short' }
  | { readonly reason: 'too-weak'; readonly warning: string }
  | { readonly reason: 'mismatch' }
  | null
> {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return { reason: 'too-short' };
  const checked = await estimateStrength(passphrase);
  if (checked.score < MIN_ACCEPTED_SCORE) return { reason: 'too-weak', warning: checked.warning };
  if (passphrase !== confirmation) return { reason: 'mismatch' };
  return null;
}

/** The sentence for each reason a new passphrase is refused. */
export const PASSPHRASE_PROBLEMS = {
  'too-short': 'vault.create.tooShort',
  'too-weak': 'vault.create.tooWeak',
  mismatch: 'vault.create.mismatch',
} as const;

/** How many words a suggested passphrase has: five words of lists this long are over 70 bits. */
const SUGGESTED_WORDS = 5;

/**
 * A passphrase to suggest: five words drawn with the system's cryptographic random from the
 * language's list (Russian and Kazakh from the dictionaries above; English from zxcvbn's), with
 * spaces between. Long, and easier to remember and to type than random characters.
 */
export async function suggestPassphrase(language: 'en' | 'ru' | 'kk'): Promise<string> {
  const { words } = await loadEstimator();
  const list =
    language === 'en'
      ? (await import('@zxcvbn-ts/language-en')).dictionary['commonWords-en'].filter((w) => /^[a-z]{4,10}$/.test(w))
      : words[language].filter((w) => w.length >= 4);
  const picks: string[] = [];
  const random = new Uint32Array(1);
  while (picks.length < SUGGESTED_WORDS) {
    crypto.getRandomValues(random);
    // Rejection sampling: every word equally likely.
    const limit = Math.floor(2 ** 32 / list.length) * list.length;
    if (random[0]! >= limit) continue;
    picks.push(list[random[0]! % list.length]!);
  }
  return picks.join(' ');
}
