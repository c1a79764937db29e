import { z } from 'zod';

/**
 * The languages a report is published in, and texts written once per language (a development's
 * report paragraph, a quarter's title and introduction). The report's labels, months and default
 * title come from `report/locale.ts`; what a person writes is kept here, one text per language.
 */
export const REPORT_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** One text per report language ('' where none was written). */
export type TextsByLanguage = Readonly<Record<ReportLanguage, string>>;

export const NO_TEXTS: TextsByLanguage = { en: '', ru: '', kk: '' };

export function textsByLanguageSchema(max: number) {
  const text = z.string().max(max, 'too-long');
  return z.object({ en: text, ru: text, kk: text });
}

/** Whether any language has text (blank text counts as none). */
export function hasAnyText(texts: TextsByLanguage): boolean {
  return REPORT_LANGUAGES.some((language) => texts[language].trim() !== '');
}

/** The languages that have text, in `REPORT_LANGUAGES` order. */
export function languagesWithText(texts: TextsByLanguage): ReportLanguage[] {
  return REPORT_LANGUAGES.filter((language) => texts[language].trim() !== '');
}

/** Letters only Kazakh's Cyrillic alphabet has. */
const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const LOWER = /^\p{Ll}/u;
/** Common words that mark a text as Russian: prepositions, conjunctions, pronouns, forms of "be". */
const RUSSIAN_WORDS = new Set(
  'и в во на не по с со к ко о об от из за для что как при до после это был была было были его её их он она они который которая которое которые также уже ещё но а или же бы'.split(
    ' ',
  ),
);
/** Common Kazakh words without a letter of its own: postpositions, conjunctions, frequent verbs. */
const KAZAKH_WORDS = new Set(
  'деп және мен бен пен туралы бойынша жылы деген осы сол олар сот іс талап болды берді алды жасады етті отырып дейін кейін арқылы'.split(
    ' ',
  ),
);

/**
 * The language a text was written in, from its words: mostly Latin → English. For Cyrillic, its
 * common words (starting with a small letter: the Kazakh names a Russian text quotes are
 * capitalised) decide: a word with a letter only Kazakh has, or a frequent Kazakh word, counts
 * for Kazakh; a Russian preposition, conjunction or pronoun counts for Russian; Kazakh wins only
 * with more. A text with no letters is English. Links' addresses are not counted (they are Latin
 * whatever the language). Used once, to file the single text older versions kept under the
 * language it is written in.
 */
export function languageOfText(text: string): ReportLanguage {
  const words =
    text
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/https?:\/\/\S+/g, '')
      .match(/\p{L}+/gu) ?? [];
  const cyrillic = words.filter((word) => CYRILLIC.test(word));
  const latin = words.filter((word) => LATIN.test(word)).length;
  if (cyrillic.length === 0 || latin > cyrillic.length) return 'en';
  const common = cyrillic.filter((word) => LOWER.test(word));
  // A text of names only (a title in capitals): every word counts.
  const counted = (common.length > 0 ? common : cyrillic).map((word) => word.toLocaleLowerCase('kk'));
  const kazakh = counted.filter((word) => KAZAKH_LETTER.test(word) || KAZAKH_WORDS.has(word)).length;
  const russian = counted.filter((word) => RUSSIAN_WORDS.has(word)).length;
  return kazakh > russian ? 'kk' : 'ru';
}

/** A single text of an older version, filed under its language ('' : no text at all). */
export function textsFromSingle(text: string): TextsByLanguage {
  return text === '' ? NO_TEXTS : { ...NO_TEXTS, [languageOfText(text)]: text };
}
