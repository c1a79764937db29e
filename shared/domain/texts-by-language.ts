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
/**
 * A Kazakh text has Kazakh's own letters in about half its common words; a Russian one only in
 * the Kazakh names it quotes (people, outlets, places: capitalised). So common words — those
 * starting with a small letter — decide: one in six with a Kazakh letter makes the text Kazakh.
 */
const KAZAKH_SHARE = 1 / 6;

/**
 * The language a text was written in, from its words: mostly Latin → English; Cyrillic → Kazakh
 * when enough of its common words have Kazakh's own letters, else Russian. A text with no
 * letters is English. Links' addresses are not counted (they are Latin whatever the language).
 * Used once, to file the single text older versions kept under the language it is written in.
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
  const counted = common.length > 0 ? common : cyrillic;
  const kazakh = counted.filter((word) => KAZAKH_LETTER.test(word)).length;
  return kazakh / counted.length >= KAZAKH_SHARE ? 'kk' : 'ru';
}

/** A single text of an older version, filed under its language ('' : no text at all). */
export function textsFromSingle(text: string): TextsByLanguage {
  return text === '' ? NO_TEXTS : { ...NO_TEXTS, [languageOfText(text)]: text };
}
