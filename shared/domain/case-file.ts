import { z } from 'zod';
import { defineFormat, type UpgradeStep } from '../formats/upgrade';
import { attachmentManifestSchema, type AttachmentManifest } from './attachment';
import { caseRecordSchema, type CaseRecord } from './case';
import { entryFieldsFromVersion1, entryRecordSchema, type EntryRecord } from './entry';

/** A dated development on a case's timeline, with its stable random id. */
export type CaseEntry = { readonly id: string; readonly record: EntryRecord };

/**
 * The case aggregate: one proceeding with everything that belongs to it — its record (fields,
 * deadlines, history), its timeline and its documents' manifests. The vault stores it, backups
 * and packages carry it, the merge joins two copies of it, the report and the command line read
 * it. Decrypted, it lives only while the vault is unlocked. `CaseHead` is what the list needs.
 */
export type CaseFile = {
  /** The case's random tag: its identity in every vault, package and merge. */
  readonly caseTag: string;
  readonly record: CaseRecord;
  readonly entries: readonly CaseEntry[];
  readonly attachments: readonly AttachmentManifest[];
};

export const caseEntrySchema = z.object({ id: z.string().min(1).max(64), record: entryRecordSchema });

export const caseFileSchema = z.object({
  caseTag: z.string().min(1).max(64),
  record: caseRecordSchema,
  entries: z.array(caseEntrySchema),
  attachments: z.array(attachmentManifestSchema),
});

/**
 * The upgrade path of a stored case file (field `v`; cases written before versions have none and
 * are version 1). Each step takes a case of version `from` to `from + 1`.
 */
export const CASE_FILE_STEPS: readonly UpgradeStep[] = [
  {
    from: 1,
    name: 'report paragraphs per language (the one text filed under the language its script shows); rulings unknown; no quick developments',
    up: (value) => {
      const record = value.record as Record<string, unknown> | undefined;
      const entries = Array.isArray(value.entries) ? (value.entries as Array<Record<string, unknown>>) : value.entries;
      return {
        ...value,
        record: typeof record === 'object' && record !== null ? { ...record, quick: false } : record,
        entries: Array.isArray(entries) ? entries.map(entryToVersion2) : entries,
      };
    },
  },
  {
    from: 2,
    name: 'participants of the proceeding (none recorded yet); documents get a date and a description (none yet)',
    up: (value) => {
      const record = value.record as Record<string, unknown> | undefined;
      const attachments = value.attachments;
      return {
        ...value,
        record: typeof record === 'object' && record !== null ? { participants: [], ...record } : record,
        attachments: Array.isArray(attachments)
          ? (attachments as Array<Record<string, unknown>>).map((manifest) => ({
              date: '',
              description: '',
              ...manifest,
            }))
          : attachments,
      };
    },
  },
  {
    from: 3,
    name: 'an entry says how much of its date is known: every entry before knew its day',
    up: (value) => {
      const entries = value.entries;
      return {
        ...value,
        entries: Array.isArray(entries)
          ? (entries as Array<Record<string, unknown>>).map((entry) => {
              const record = entry.record as Record<string, unknown> | undefined;
              if (typeof record !== 'object' || record === null) return entry;
              return { ...entry, record: { datePrecision: 'day', ...record } };
            })
          : entries,
      };
    },
  },
];

function entryToVersion2(entry: Record<string, unknown>): Record<string, unknown> {
  const record = entry.record as Record<string, unknown> | undefined;
  if (typeof record !== 'object' || record === null) return entry;
  return { ...entry, record: entryFieldsFromVersion1(record) };
}

/** The stored case file format: read through its upgrade path, written at its current version. */
export const caseFileFormat = defineFormat<CaseFile>({
  kind: 'case-file',
  current: 4,
  field: 'v',
  steps: CASE_FILE_STEPS,
  schema: caseFileSchema,
});
