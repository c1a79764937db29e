import { z } from 'zod';

/** Kinds of proceeding, as press-freedom monitors record legal pressure. */
export const CASE_KINDS = [
  'civil-lawsuit',
  'pre-trial-claim',
  'criminal-case',
  'administrative-case',
  'interrogation-summons',
  'detention-arrest',
  'search-seizure',
  'other',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * A case file (one proceeding). This is the first cut the vault needs; the full record of the
 * case-file issue (targets, initiator, legal basis, …) extends it.
 */
export const caseRecordSchema = z.object({
  kind: z.enum(CASE_KINDS),
  title: z.string().trim().min(1).max(500),
  summary: z.string().max(20_000),
  /** Privileged notes: never exported, never shown outside the case. */
  privilegedNotes: z.string().max(100_000),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;
