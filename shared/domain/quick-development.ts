import { z } from 'zod';
import {
  CASE_KINDS,
  caseFieldsSchema,
  emptyCaseFields,
  GENDERS,
  sourceSchema,
  TARGET_ROLES,
  type CaseFields,
} from './case';
import { isCivilDate } from './civil-date';
import { emptyEntryFields, ENTRY_KINDS, type EntryFields } from './entry';
import { hasAnyText, NO_TEXTS, REPORT_LANGUAGES, textsByLanguageSchema } from './texts-by-language';
import { reportPlainText } from '../report/report-text';

/**
 * A quick development: one news item for the quarter recorded in under a minute, without a
 * tracked case — a police reply about an earlier detention, a ruling in a case nobody follows.
 * Stored as a case marked `quick` with one timeline entry, so the section, its statistics,
 * search, backups and merges treat it like any other development; it can become a case, or be
 * attached to one (its entry moves there).
 */
export const quickDevelopmentSchema = z.object({
  date: z.string().refine(isCivilDate, 'invalid-date'),
  /** What kind of proceeding it belongs to: what the section's figures count it under. */
  caseKind: z.enum(CASE_KINDS),
  /** What happened. */
  entryKind: z.enum(ENTRY_KINDS),
  place: z.string().max(300, 'too-long'),
  /** The people named, one per entry, and what they are (journalist, blogger…). */
  people: z.array(z.string().trim().min(1, 'required').max(300, 'too-long')).max(50),
  role: z.enum(TARGET_ROLES),
  /** Their gender, where one is named (the drafted Russian paragraph agrees with it). */
  gender: z.enum(GENDERS),
  /** The outlets named. */
  outlets: z.array(z.string().trim().min(1, 'required').max(300, 'too-long')).max(50),
  reportTexts: textsByLanguageSchema(10_000),
  sources: z.array(sourceSchema).max(100),
});
export type QuickDevelopment = z.infer<typeof quickDevelopmentSchema>;

export function emptyQuickDevelopment(date: string): QuickDevelopment {
  return {
    date,
    caseKind: 'other',
    entryKind: 'other',
    place: '',
    people: [],
    role: 'journalist',
    gender: 'unknown',
    outlets: [],
    reportTexts: NO_TEXTS,
    sources: [],
  };
}

/**
 * The case and entry a quick development is stored as: the people and outlets as its targets
 * (region not known), a title naming them (or the start of its text), and one entry
 * in the report when it has text.
 */
export function quickDevelopmentAsCase(quick: QuickDevelopment): { fields: CaseFields; entry: EntryFields } {
  const named = [...quick.people, ...quick.outlets];
  const text = REPORT_LANGUAGES.map((language) => reportPlainText(quick.reportTexts[language]).trim()).find(Boolean);
  const title = named.length > 0 ? named.join(', ') : (text ?? quick.date);
  const target = (name: string, index: number, role: (typeof TARGET_ROLES)[number]) => ({
    id: `quick-${index + 1}`,
    name,
    role,
    outlet: role === 'outlet' ? '' : (quick.outlets[0] ?? ''),
    gender: role === 'outlet' ? ('unknown' as const) : quick.gender,
    region: '',
    anonymityRequired: false,
  });
  const fields = caseFieldsSchema.parse({
    ...emptyCaseFields(quick.caseKind),
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    targets: [
      ...quick.people.map((name, i) => target(name, i, quick.role)),
      ...quick.outlets.map((name, i) => target(name, quick.people.length + i, 'outlet')),
    ],
    verification: { status: 'unverified', sources: quick.sources },
  });
  return {
    fields,
    entry: {
      ...emptyEntryFields(quick.date),
      kind: quick.entryKind,
      place: quick.place,
      reportTexts: quick.reportTexts,
      includeInReport: hasAnyText(quick.reportTexts),
      sources: quick.sources,
    },
  };
}
