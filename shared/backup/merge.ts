import type { AttachmentManifest } from '../domain/attachment';
import { caseFieldsOf, type CaseRecord, type HistoryEvent } from '../domain/case';
import type { Deadline } from '../domain/deadline';
import { entryFieldsOf } from '../domain/entry';
import { diffFields, type FieldChange } from '../domain/history';
import type { CaseFile } from '../domain/case-file';
import { isWithheld, withholdEvent, type WithheldField } from '../domain/withheld';

/** What merging one incoming case does to this vault. */
export type CaseMerge = {
  readonly outcome: 'new' | 'updated' | 'unchanged';
  /** The case as it will be stored. */
  readonly merged: CaseFile;
  readonly entriesAdded: number;
  readonly entriesUpdated: number;
  /** Timeline entries to remove here: deleted in the other copy after their last edit here. */
  readonly entriesRemoved: readonly string[];
  /** Documents that come from the other copy (their bytes must be copied). */
  readonly attachmentsAdded: readonly AttachmentManifest[];
  readonly attachmentsRemoved: readonly string[];
  /** Values both copies changed: the newer kept, the other written into the history. */
  readonly conflicts: number;
};

type Side = { readonly snapshot: CaseFile; readonly own: readonly HistoryEvent[] };

/**
 * Merges another copy of a case into this one. The case history is the log both copies share:
 * events one copy has and the other lacks are what that copy changed since they parted. Per value
 * (each case field, each deadline, each timeline entry):
 *
 * - changed in one copy only: that copy's value;
 * - changed in both: the newer edit wins, and the other value goes into the history as a
 *   `merged` event (before = the value set aside, after = the value kept);
 * - deleted in one copy and not edited in the other since: deleted; edited after the deletion:
 *   kept.
 *
 * The two histories are united, so nothing either copy recorded is lost, and merging the same
 * copy again changes nothing.
 *
 * Fields the other copy was handed over without (`withheld`, e.g. privileged notes left out of a
 * package) keep this copy's value, and its history events count as the same events as ours.
 */
export function mergeCase(
  local: CaseFile | undefined,
  incoming: CaseFile,
  at: string,
  options: { readonly withheld?: readonly WithheldField[] } = {},
): CaseMerge {
  const withheld = options.withheld ?? [];
  if (local === undefined) {
    return {
      outcome: 'new',
      merged: incoming,
      entriesAdded: incoming.entries.length,
      entriesUpdated: 0,
      entriesRemoved: [],
      attachmentsAdded: incoming.attachments,
      attachmentsRemoved: [],
      conflicts: 0,
    };
  }
  const key = (event: HistoryEvent) => eventKey(withholdEvent(event, withheld));
  const L: Side = { snapshot: local, own: ownEvents(local.record.history, incoming.record.history, key) };
  const I: Side = { snapshot: incoming, own: ownEvents(incoming.record.history, local.record.history, key) };
  const caseConflicts: FieldChange[] = [];
  const mergedEvents: HistoryEvent[] = [];

  // Case fields.
  const fields: Record<string, unknown> = { ...caseFieldsOf(local.record) };
  const incomingFields: Record<string, unknown> = caseFieldsOf(incoming.record);
  for (const field of Object.keys(incomingFields)) {
    if (isWithheld(field, withheld)) continue;
    const decision = decide(
      fields[field],
      incomingFields[field],
      lastChange(L.own, (e) => e.action === 'case-updated' && e.changes.some((c) => c.field === field)),
      lastChange(I.own, (e) => e.action === 'case-updated' && e.changes.some((c) => c.field === field)),
      local.record.updatedAt,
      incoming.record.updatedAt,
    );
    if (decision.takeIncoming) fields[field] = incomingFields[field];
    if (decision.conflict) caseConflicts.push({ ...setAside(decision), field });
  }

  // Deadlines, by id.
  const deadlines = mergeById<Deadline>(
    local.record.deadlines,
    incoming.record.deadlines,
    (d) => d.id,
    (id, side) =>
      lastChange(
        side.own,
        (e) => e.deadlineId === id && (e.action === 'deadline-added' || e.action === 'deadline-updated'),
      ),
    (id, side) => lastChange(side.own, (e) => e.deadlineId === id && e.action === 'deadline-deleted'),
    L,
    I,
  );
  for (const decision of deadlines.conflicts) caseConflicts.push({ ...setAside(decision), field: 'deadline' });

  // Timeline entries, by id.
  const entries = mergeById(
    local.entries,
    incoming.entries,
    (e) => e.id,
    (id, side) =>
      lastChange(side.own, (e) => e.entryId === id && (e.action === 'entry-added' || e.action === 'entry-updated')),
    (id, side) => lastChange(side.own, (e) => e.entryId === id && e.action === 'entry-deleted'),
    L,
    I,
    (e) => e.record.updatedAt,
  );
  for (const decision of entries.conflicts) {
    const kept = decision.kept;
    const other = decision.other;
    mergedEvents.push({
      at,
      action: 'merged',
      entryId: kept.id,
      changes: diffFields(entryFieldsOf(other.record), entryFieldsOf(kept.record)),
    });
  }

  // A document's bytes never change; its date and description may (the later description wins).
  const attachments = mergeById(
    local.attachments,
    incoming.attachments,
    (a) => a.id,
    (id, side) => lastChange(side.own, (e) => e.attachmentId === id && e.action === 'attachment-updated'),
    (id, side) => lastChange(side.own, (e) => e.attachmentId === id && e.action === 'attachment-deleted'),
    L,
    I,
  );

  const history = uniteHistories(local.record.history, incoming.record.history, key);
  if (caseConflicts.length > 0) mergedEvents.unshift({ at, action: 'merged', changes: caseConflicts });
  const record: CaseRecord = {
    ...local.record,
    ...(fields as ReturnType<typeof caseFieldsOf>),
    deadlines: deadlines.items,
    createdAt: earlier(local.record.createdAt, incoming.record.createdAt),
    updatedAt: later(local.record.updatedAt, incoming.record.updatedAt),
    history: [...history, ...mergedEvents],
  };
  const merged: CaseFile = {
    caseTag: local.caseTag,
    record,
    entries: entries.items,
    attachments: attachments.items,
  };
  const unchanged =
    history.length === local.record.history.length &&
    mergedEvents.length === 0 &&
    sameJson(caseFieldsOf(record), caseFieldsOf(local.record)) &&
    sameJson(record.deadlines, local.record.deadlines) &&
    sameJson(merged.entries, local.entries) &&
    sameJson(
      merged.attachments.map((a) => a.id),
      local.attachments.map((a) => a.id),
    );
  const localEntries = new Map(local.entries.map((e) => [e.id, e]));
  const localAttachments = new Set(local.attachments.map((a) => a.id));
  return {
    outcome: unchanged ? 'unchanged' : 'updated',
    merged: unchanged ? local : merged,
    entriesAdded: merged.entries.filter((e) => !localEntries.has(e.id)).length,
    entriesUpdated: merged.entries.filter((e) => {
      const before = localEntries.get(e.id);
      return before !== undefined && !sameJson(before.record, e.record);
    }).length,
    entriesRemoved: entries.removed,
    attachmentsAdded: merged.attachments.filter((a) => !localAttachments.has(a.id)),
    attachmentsRemoved: attachments.removed,
    conflicts: caseConflicts.length + entries.conflicts.length,
  };
}

type Decision<T> = {
  readonly takeIncoming: boolean;
  readonly conflict: boolean;
  readonly kept: T;
  readonly other: T;
};

/** Which of two different values to keep, and whether both copies changed it. */
function decide<T>(
  localValue: T,
  incomingValue: T,
  localChanged: string | undefined,
  incomingChanged: string | undefined,
  localUpdatedAt: string,
  incomingUpdatedAt: string,
): Decision<T> {
  if (sameJson(localValue, incomingValue))
    return { takeIncoming: false, conflict: false, kept: localValue, other: incomingValue };
  let takeIncoming: boolean;
  let conflict = true;
  if (incomingChanged !== undefined && localChanged === undefined) {
    takeIncoming = true;
    conflict = false;
  } else if (localChanged !== undefined && incomingChanged === undefined) {
    takeIncoming = false;
    conflict = false;
  } else if (localChanged !== undefined && incomingChanged !== undefined) {
    takeIncoming = incomingChanged > localChanged;
  } else {
    // Neither history says who changed it: the newer record wins, and the other value is kept.
    takeIncoming = incomingUpdatedAt > localUpdatedAt;
  }
  return takeIncoming
    ? { takeIncoming, conflict, kept: incomingValue, other: localValue }
    : { takeIncoming, conflict, kept: localValue, other: incomingValue };
}

function setAside(decision: Decision<unknown>): FieldChange {
  return { field: '', before: decision.other ?? null, after: decision.kept ?? null };
}

/**
 * Merges two lists of things with ids. Present in both: `decide`. Present in one: kept, unless
 * the other copy deleted it after this copy's last change to it.
 */
function mergeById<T>(
  localItems: readonly T[],
  incomingItems: readonly T[],
  idOf: (item: T) => string,
  changedAt: (id: string, side: Side) => string | undefined,
  deletedAt: (id: string, side: Side) => string | undefined,
  L: Side,
  I: Side,
  updatedAtOf: (item: T) => string = () => '',
): { items: T[]; removed: string[]; conflicts: Decision<T>[] } {
  const incomingById = new Map(incomingItems.map((item) => [idOf(item), item]));
  const localIds = new Set(localItems.map(idOf));
  const items: T[] = [];
  const removed: string[] = [];
  const conflicts: Decision<T>[] = [];
  const survives = (id: string, mine: Side, theirs: Side) => {
    const deleted = deletedAt(id, theirs);
    if (deleted === undefined) return true;
    const edited = changedAt(id, mine);
    return edited !== undefined && edited > deleted;
  };
  for (const item of localItems) {
    const id = idOf(item);
    const other = incomingById.get(id);
    if (other === undefined) {
      if (survives(id, L, I)) items.push(item);
      else removed.push(id);
      continue;
    }
    const decision = decide(item, other, changedAt(id, L), changedAt(id, I), updatedAtOf(item), updatedAtOf(other));
    items.push(decision.kept);
    if (decision.conflict) conflicts.push(decision);
  }
  for (const item of incomingItems) {
    const id = idOf(item);
    if (!localIds.has(id) && survives(id, I, L)) items.push(item);
  }
  return { items, removed, conflicts };
}

/** Events of `mine` that `theirs` does not have: what this copy did since the two parted. */
function ownEvents(
  mine: readonly HistoryEvent[],
  theirs: readonly HistoryEvent[],
  key: (event: HistoryEvent) => string,
): HistoryEvent[] {
  const known = new Set(theirs.map(key));
  return mine.filter((event) => !known.has(key(event)));
}

/** Both histories, each event once, in time order (stable, so same-time events keep their order). */
function uniteHistories(
  local: readonly HistoryEvent[],
  incoming: readonly HistoryEvent[],
  key: (event: HistoryEvent) => string,
): HistoryEvent[] {
  const known = new Set(local.map(key));
  const added = incoming.filter((event) => !known.has(key(event)));
  if (added.length === 0) return [...local];
  return [...local, ...added].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function lastChange(events: readonly HistoryEvent[], matches: (event: HistoryEvent) => boolean): string | undefined {
  let last: string | undefined;
  for (const event of events) if (matches(event) && (last === undefined || event.at > last)) last = event.at;
  return last;
}

function eventKey(event: HistoryEvent): string {
  return JSON.stringify(event);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}

function later(a: string, b: string): string {
  return a >= b ? a : b;
}
