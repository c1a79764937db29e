import type { HistoryEvent } from './case';

export type FieldChange = HistoryEvent['changes'][number];

/**
 * What changed between two versions of a record, field by field (top-level fields; nested
 * values compared whole). Used to write the case history that the History tab shows.
 */
export function diffFields(before: object, after: object): FieldChange[] {
  const changes: FieldChange[] = [];
  const a0 = before as Record<string, unknown>;
  const b0 = after as Record<string, unknown>;
  for (const field of new Set([...Object.keys(a0), ...Object.keys(b0)])) {
    const a = a0[field];
    const b = b0[field];
    // null, not undefined, for a side that has no value: history is stored as JSON.
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a ?? null, after: b ?? null });
  }
  return changes;
}
