import type { HistoryEvent } from './case';
import type { CaseFile } from './case-file';

/**
 * Fields a case can be handed over without. Privileged notes (attorney–client work) stay on the
 * lawyer's device: a case package leaves them out unless the lawyer opts in, and then the field,
 * and every value it ever had in the case history, is absent from the file, not merely hidden.
 */
export const WITHHOLDABLE_FIELDS = ['privilegedNotes'] as const;
export type WithheldField = (typeof WITHHOLDABLE_FIELDS)[number];

/** The case as it may leave the device: withheld fields emptied, their history values dropped. */
export function withholdFields(file: CaseFile, withheld: readonly WithheldField[]): CaseFile {
  if (withheld.length === 0) return file;
  const emptied = Object.fromEntries(withheld.map((field) => [field, '']));
  return {
    ...file,
    record: {
      ...file.record,
      ...emptied,
      history: file.record.history.map((event) => withholdEvent(event, withheld)),
    },
  };
}

/** A history event without the changes of withheld fields (the event itself stays: it happened). */
export function withholdEvent(event: HistoryEvent, withheld: readonly WithheldField[]): HistoryEvent {
  if (withheld.length === 0 || !event.changes.some((change) => isWithheld(change.field, withheld))) return event;
  return { ...event, changes: event.changes.filter((change) => !isWithheld(change.field, withheld)) };
}

export function isWithheld(field: string, withheld: readonly WithheldField[]): boolean {
  return (withheld as readonly string[]).includes(field);
}
