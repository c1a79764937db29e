import { z } from 'zod';
import { isCivilDate, isLocalTime } from './civil-date';
import { sourceSchema } from './case';

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

/** What a person edits on a timeline entry. */
export const entryFieldsSchema = z.object({
  /** Civil date, YYYY-MM-DD: the quarter must not depend on the machine's time zone. */
  date: z.string().refine(isCivilDate, 'invalid-date'),
  /** Optional local time, HH:MM. */
  time: z.string().refine((value) => value === '' || isLocalTime(value), 'invalid-time'),
  kind: z.enum(ENTRY_KINDS),
  place: z.string().max(300, 'too-long'),
  outcome: z.string().max(5_000, 'too-long'),
  notes: z.string().max(50_000, 'too-long'),
  /** One paragraph for the quarterly report: `[words](url)`, `**bold**`, `*italic*`. */
  reportText: z.string().max(10_000, 'too-long'),
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
    time: '',
    kind: 'hearing',
    place: '',
    outcome: '',
    notes: '',
    reportText: '',
    includeInReport: false,
    sources: [],
  };
}

/** The editable fields of a stored entry. */
export function entryFieldsOf(record: EntryRecord): EntryFields {
  const { createdAt, updatedAt, ...fields } = record;
  return fields;
}
