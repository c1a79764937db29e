import { z } from 'zod';
import { fromUtf8, utf8 } from '../../../shared/crypto/bytes';
import { openRecord, sealRecord } from '../../../shared/crypto/envelope';
import type { VaultKeys } from '../../../shared/crypto/vault-keys';
import type { CaseFields } from '../../../shared/domain/case';
import { entryFieldsFromVersion1, type EntryFields } from '../../../shared/domain/entry';
import type { QuickDevelopment } from '../../../shared/domain/quick-development';
import { defineFormat } from '../../../shared/formats/upgrade';
import type { SettingsRow } from '../../../shared/vault-format/vault-rows';

/**
 * Forms kept across a lock: what a case or timeline-entry form held, unsaved, when the vault
 * locked (idle, the machine sleeping, "Lock now"), so the next unlock brings the person back to
 * it. Kept sealed in one row of the settings table, under the wrapping key of the vault's current
 * key epoch: deleting a case (a new epoch) leaves an older draft as unreadable as the case. The
 * row is read once, at the unlock that follows, and deleted then.
 */

/** What a case form holds: the fields, and the lists still as the text the person typed. */
export type CaseFormState = {
  readonly fields: CaseFields;
  readonly caseNumbers: string;
  readonly sources: string;
  readonly tags: string;
  readonly claimed: string;
  readonly awarded: string;
};

export type EntryFormState = { readonly fields: EntryFields; readonly sources: string };

/** What the quick-development form holds: the fields, and the lists as typed. */
export type QuickFormState = {
  readonly fields: QuickDevelopment;
  readonly people: string;
  readonly outlets: string;
  readonly sources: string;
};

/** Where a draft belongs: a new case (`caseTag` null), a case, an entry (new: `entryId` null), or a new quick development. */
export type FormDraft =
  | { readonly kind: 'case'; readonly caseTag: string | null; readonly form: CaseFormState }
  | { readonly kind: 'quick'; readonly caseTag: null; readonly form: QuickFormState }
  | {
      readonly kind: 'entry';
      readonly caseTag: string;
      readonly entryId: string | null;
      readonly form: EntryFormState;
    };

const DRAFTS_ROW = 'drafts';

const draftsSchema = z.object({
  drafts: z.array(
    z.union([
      z.object({
        kind: z.literal('case'),
        caseTag: z.string().nullable(),
        form: z.record(z.string(), z.unknown()),
      }),
      z.object({
        kind: z.literal('quick'),
        caseTag: z.null(),
        form: z.record(z.string(), z.unknown()),
      }),
      z.object({
        kind: z.literal('entry'),
        caseTag: z.string(),
        entryId: z.string().nullable(),
        form: z.record(z.string(), z.unknown()),
      }),
    ]),
  ),
}) as unknown as z.ZodType<{ drafts: FormDraft[] }>;

/** The kept forms' format (field `v`). A form is restored into the form that wrote it, which fills any field it lacks. */
export const formDraftsFormat = defineFormat<{ drafts: FormDraft[] }>({
  kind: 'form-drafts',
  current: 2,
  field: 'v',
  steps: [
    {
      from: 1,
      name: 'an entry form’s report text per language (see case-file version 2); the quick-development form is kept too',
      up: (value) => ({
        ...value,
        drafts: Array.isArray(value.drafts)
          ? (value.drafts as Array<Record<string, unknown>>).map((draft) => {
              const form = draft.form as { fields?: unknown } | undefined;
              if (draft.kind !== 'entry' || typeof form?.fields !== 'object' || form.fields === null) return draft;
              return {
                ...draft,
                form: { ...form, fields: entryFieldsFromVersion1(form.fields as Record<string, unknown>) },
              };
            })
          : value.drafts,
      }),
    },
  ],
  schema: draftsSchema,
});

/** The epoch is bound in: a draft of an epoch the vault has left does not open. */
const addressOf = (keys: VaultKeys) => ({
  vaultId: keys.vaultId,
  table: 'settings',
  caseTag: '',
  rowId: `${DRAFTS_ROW}/${keys.epoch}`,
});

export async function sealDrafts(keys: VaultKeys, drafts: readonly FormDraft[]): Promise<SettingsRow> {
  const payload = utf8(JSON.stringify(formDraftsFormat.stamp({ drafts: [...drafts] })));
  return { id: DRAFTS_ROW, caseTag: '', ...(await sealRecord(keys.caseKeyWrap, addressOf(keys), payload)) };
}

/**
 * The drafts in a row, or none when it does not open (of an epoch the vault has left, or
 * damaged) or is not a format this version reads: a draft is a convenience, never worth a failure.
 */
export async function openDrafts(keys: VaultKeys, row: SettingsRow): Promise<FormDraft[]> {
  try {
    const plain = await openRecord(keys.caseKeyWrap, addressOf(keys), row);
    return formDraftsFormat.read(JSON.parse(fromUtf8(plain))).drafts;
  } catch {
    return [];
  }
}

export { DRAFTS_ROW };
