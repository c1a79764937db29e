import type { CaseRecord } from './case';
import type { CaseFile } from './case-file';
import type { CivilDate } from './civil-date';
import type { EntryKind } from './entry';

/**
 * The fields of a case record the head carries: what the list, its filters and sorts, the agenda
 * and the choice of a report's cases need. Listed, not derived by leaving fields out, so a new
 * long field stays in the body unless it is added here on purpose.
 */
export const HEAD_RECORD_FIELDS = [
  'kind',
  'title',
  'targets',
  'initiator',
  'publication',
  'legalBasis',
  'court',
  'caseNumbers',
  'stage',
  'proceduralStatus',
  'claimedKzt',
  'awardedKzt',
  'tags',
  'createdAt',
  'updatedAt',
  'deadlines',
] as const satisfies ReadonlyArray<keyof CaseRecord>;
export type HeadRecordField = (typeof HEAD_RECORD_FIELDS)[number];

/**
 * One timeline entry as the head knows it: enough to filter, sort and plan a report by date.
 * `monthOnly` marks an entry whose day is not known (absent otherwise, so the heads of cases
 * written before it existed are the same as they were stored, as a restore checks).
 */
export type TimelineMark = {
  readonly id: string;
  readonly kind: EntryKind;
  readonly date: CivilDate;
  readonly monthOnly?: true;
};

/**
 * What the vault reads of every case when it opens. The rest of the case (its texts, timeline
 * entries and history: about seven eighths of its bytes) stays compressed until the case is
 * opened, which is what lets a vault of ten thousand cases open in well under a second.
 */
export type CaseHead = {
  readonly caseTag: string;
  /**
   * `quick` is there only for a quick development: a head of any other case is what it was before
   * quick developments existed, so the heads stored beside older cases still match their cases.
   */
  readonly record: Pick<CaseRecord, HeadRecordField> & { readonly quick?: true };
  readonly timeline: readonly TimelineMark[];
  readonly attachmentIds: readonly string[];
};

/** The head of a case: derived, never edited, so it always agrees with the case it came from. */
export function caseHead(file: CaseFile): CaseHead {
  const record = {} as Record<HeadRecordField, unknown>;
  for (const field of HEAD_RECORD_FIELDS) record[field] = file.record[field];
  return {
    caseTag: file.caseTag,
    record: { ...(record as Pick<CaseRecord, HeadRecordField>), ...(file.record.quick ? { quick: true } : {}) },
    timeline: file.entries.map((entry) => ({
      id: entry.id,
      kind: entry.record.kind,
      date: entry.record.date,
      ...(entry.record.datePrecision === 'month' ? { monthOnly: true as const } : {}),
    })),
    attachmentIds: file.attachments.map((attachment) => attachment.id),
  };
}

/** Whether a case is a quick development (a head stored before they existed has no flag: not one). */
export function isQuick(head: { readonly record: { readonly quick?: boolean | undefined } }): boolean {
  return head.record.quick === true;
}
