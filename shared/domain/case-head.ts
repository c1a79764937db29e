import type { CaseRecord } from '../domain/case';
import type { CivilDate } from '../domain/civil-date';
import type { EntryKind } from '../domain/entry';
import type { CaseSnapshot } from './merge';

/** The parts of a case record the head leaves out: long free text and the change history. */
type BodyOnlyField = 'summary' | 'privilegedNotes' | 'outcome' | 'verification' | 'history';

/** One timeline entry as the head knows it: enough to filter, sort and plan a report by date. */
export type TimelineMark = { readonly id: string; readonly kind: EntryKind; readonly date: CivilDate };

/**
 * What the vault reads of every case when it opens: what the case list, its filters and sorts,
 * the agenda's deadlines and the choice of a report's cases need. The rest of the case (its
 * texts, timeline entries and history: about seven eighths of its bytes) stays compressed until
 * the case is opened, which is what lets a vault of ten thousand cases open in well under a second.
 */
export type CaseHead = {
  readonly caseTag: string;
  readonly record: Omit<CaseRecord, BodyOnlyField>;
  readonly timeline: readonly TimelineMark[];
  readonly attachmentIds: readonly string[];
};

/** The head of a case: derived, never edited, so it always agrees with the case it came from. */
export function caseHead(snapshot: CaseSnapshot): CaseHead {
  const { summary, privilegedNotes, outcome, verification, history, ...record } = snapshot.record;
  return {
    caseTag: snapshot.caseTag,
    record,
    timeline: snapshot.entries.map((entry) => ({ id: entry.id, kind: entry.record.kind, date: entry.record.date })),
    attachmentIds: snapshot.attachments.map((attachment) => attachment.id),
  };
}
