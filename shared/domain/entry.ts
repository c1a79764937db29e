import { z } from 'zod';
import { isCivilDate, isLocalTime } from './civil-date';
import { sourceSchema } from './case';
import { NO_TEXTS, textsByLanguageSchema, textsFromSingle } from './texts-by-language';

/** Kinds of development on a case timeline. */
export const ENTRY_KINDS = [
  'hearing',
  'filing',
  'claim-received',
  'summons',
  'interrogation',
  'detention',
  'ruling',
  'appeal',
  'settlement',
  'referral-to-court',
  'other',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** How a ruling went, for the media or against them ('none': not a ruling, or not known). */
export const RULINGS = ['none', 'for-media', 'against-media'] as const;
export type Ruling = (typeof RULINGS)[number];

/**
 * How much of an entry's date is known: the day, or only the month (a development read from a
 * published report's month heading; its date is then the month's first day, shown as "May 2026").
 */
export const DATE_PRECISIONS = ['day', 'month'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** What a person edits on a timeline entry. */
export const entryFieldsSchema = z.object({
  /** Civil date, YYYY-MM-DD: the quarter must not depend on the machine's time zone. */
  date: z.string().refine(isCivilDate, 'invalid-date'),
  /** 'month': only the month of `date` is known (the date is then its first day). */
  datePrecision: z.enum(DATE_PRECISIONS),
  /** Optional local time, HH:MM. */
  time: z.string().refine((value) => value === '' || isLocalTime(value), 'invalid-time'),
  kind: z.enum(ENTRY_KINDS),
  place: z.string().max(300, 'too-long'),
  outcome: z.string().max(5_000, 'too-long'),
  notes: z.string().max(50_000, 'too-long'),
  /** How a ruling went: for the report's figures and its drafted paragraph. */
  ruling: z.enum(RULINGS),
  /** The paragraph for the quarterly report, per language: `[words](url)`, `**bold**`, `*italic*`. */
  reportTexts: textsByLanguageSchema(10_000),
  includeInReport: z.boolean(),
  sources: z.array(sourceSchema).max(100),
});
export type EntryFields = z.infer<typeof entryFieldsSchema>;

export const entryRecordSchema = entryFieldsSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EntryRecord = z.infer<typeof entryRecordSchema>;

export function emptyEntryFields(date: string): EntryFields {
  return {
    date,
    datePrecision: 'day',
    time: '',
    kind: 'hearing',
    place: '',
    outcome: '',
    notes: '',
    ruling: 'none',
    reportTexts: NO_TEXTS,
    includeInReport: false,
    sources: [],
  };
}

/** The editable fields of a stored entry. */
export function entryFieldsOf(record: EntryRecord): EntryFields {
  const { createdAt, updatedAt, ...fields } = record;
  return fields;
}

/**
 * An entry's fields as case-file version 1 kept them (one report text) in version 2's shape: the
 * text filed under the language its script shows, the ruling not known. Also for kept forms.
 */
export function entryFieldsFromVersion1(fields: Record<string, unknown>): Record<string, unknown> {
  const { reportText, ...rest } = fields;
  return { ...rest, ruling: 'none', reportTexts: textsFromSingle(typeof reportText === 'string' ? reportText : '') };
}

/** The date an entry is stored with: the month's first day when only the month is known. */
export function storedEntryDate(date: string, precision: DatePrecision): string {
  return precision === 'month' ? `${date.slice(0, 8)}01` : date;
}
