import { randomId } from '../../../shared/crypto/bytes';
import { VaultError } from '../../../shared/crypto/errors';
import { createCaseKeys } from '../../../shared/crypto/vault-keys';
import {
  caseFieldsOf,
  caseFieldsSchema,
  caseRecordSchema,
  type CaseFields,
  type CaseRecord,
  type HistoryEvent,
} from '../../../shared/domain/case';
import {
  entryFieldsOf,
  entryFieldsSchema,
  entryRecordSchema,
  type EntryFields,
  type EntryRecord,
} from '../../../shared/domain/entry';
import { deadlineSchema, type Deadline } from '../../../shared/domain/deadline';
import { diffFields } from '../../../shared/domain/history';
import { type VaultSettings } from '../../../shared/settings/vault-settings';
import type { DocumentMeta, ImportOptions, VaultRepository } from '../db/vault-repository';
import {
  attachmentDetailsSchema,
  type AttachmentDetails,
  type AttachmentManifest,
} from '../../../shared/domain/attachment';
import type { VaultSession } from './vault-session';
import type { CaseFile, CaseEntry } from '../../../shared/domain/case-file';
import {
  quickDevelopmentAsCase,
  quickDevelopmentSchema,
  type QuickDevelopment,
} from '../../../shared/domain/quick-development';

/**
 * What a person does to cases in the unlocked vault: create and edit a case, its timeline, its
 * deadlines and documents, delete it; and save the vault's settings. Every change is one write
 * (its page re-sealed in one transaction) and leaves a line in the case's history.
 */
export class CaseCommands {
  constructor(
    private readonly session: VaultSession,
    private readonly repository: VaultRepository,
  ) {}

  /**
   * A whole case (record, timeline, documents), read from the unlocked vault on demand; undefined
   * when there is no such case. Throws an IntegrityError naming the page if its bytes are damaged.
   */
  caseView(caseTag: string): CaseFile | undefined {
    this.session.requireKeys();
    return this.repository.storedCase(caseTag);
  }

  async createCase(fields: CaseFields): Promise<CaseFile> {
    const keys = this.session.requireKeys();
    const now = new Date().toISOString();
    const record: CaseRecord = caseRecordSchema.parse({
      ...caseFieldsSchema.parse(fields),
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, action: 'case-created', changes: [] }],
    });
    const caseTag = randomId();
    const { wrapped } = await createCaseKeys(keys, caseTag);
    const view: CaseFile = { caseTag, record, entries: [], attachments: [] };
    await this.repository.write(keys, { put: [view], newCaseKeys: [{ caseTag, ...wrapped }] });
    return view;
  }

  /**
   * Records a quick development (see quick-development.ts): a case marked quick, with its one
   * entry, made in one write.
   */
  async createQuickDevelopment(quick: QuickDevelopment): Promise<CaseFile> {
    const keys = this.session.requireKeys();
    const { fields, entry } = quickDevelopmentAsCase(quickDevelopmentSchema.parse(quick));
    const now = new Date().toISOString();
    const entryId = randomId();
    const entryRecord: EntryRecord = entryRecordSchema.parse({ ...entry, createdAt: now, updatedAt: now });
    const record: CaseRecord = caseRecordSchema.parse({
      ...fields,
      createdAt: now,
      updatedAt: now,
      quick: true,
      history: [
        { at: now, action: 'case-created', changes: [] },
        { at: now, action: 'entry-added', entryId, changes: diffFields({}, entryFieldsOf(entryRecord)) },
      ],
    });
    const caseTag = randomId();
    const { wrapped } = await createCaseKeys(keys, caseTag);
    const view: CaseFile = { caseTag, record, entries: [{ id: entryId, record: entryRecord }], attachments: [] };
    await this.repository.write(keys, { put: [view], newCaseKeys: [{ caseTag, ...wrapped }] });
    return view;
  }

  /**
   * Attaches a quick development to a tracked case, in one write: its entries move into the case
   * with the ids they had (so a report's order and a merge still know them), each recorded in the
   * case's history, and the quick development is removed. Refused while it has documents (they
   * are sealed for it and would be left behind).
   */
  async attachQuickDevelopment(quick: CaseFile, target: CaseFile): Promise<CaseFile> {
    if (!quick.record.quick || target.record.quick)
      throw new VaultError('storage', 'attach: only a quick development can be attached to a case.', {
        reason: 'not-quick',
      });
    if (quick.attachments.length > 0)
      throw new VaultError('storage', 'attach: the quick development has documents.', {
        reason: 'quick-has-documents',
      });
    const now = new Date().toISOString();
    const moved = quick.entries.filter((entry) => !target.entries.some((e) => e.id === entry.id));
    const events: HistoryEvent[] = moved.map((entry) => ({
      at: now,
      action: 'entry-added',
      entryId: entry.id,
      changes: diffFields({}, entryFieldsOf(entry.record)),
    }));
    const next: CaseFile = {
      ...target,
      record: { ...target.record, updatedAt: now, history: [...target.record.history, ...events] },
      entries: [...target.entries, ...moved],
    };
    await this.repository.write(this.session.requireKeys(), { put: [next], remove: [quick.caseTag] });
    return next;
  }

  /** A quick development becomes a tracked case: the same case, its history saying so. */
  async trackQuickDevelopment(quick: CaseFile): Promise<CaseFile> {
    if (!quick.record.quick)
      throw new VaultError('storage', 'track: this is a tracked case already.', { reason: 'not-quick' });
    return this.writeRecord(
      quick,
      { ...quick.record, quick: false },
      {
        action: 'case-updated',
        changes: [{ field: 'quick', before: true, after: false }],
      },
    );
  }

  /** Saves edited fields; the history records each field that changed, with both values. */
  async updateCase(current: CaseFile, fields: CaseFields): Promise<CaseFile> {
    const next = caseFieldsSchema.parse(fields);
    const changes = diffFields(caseFieldsOf(current.record), next);
    if (changes.length === 0) return current;
    const now = new Date().toISOString();
    const record: CaseRecord = {
      ...current.record,
      ...next,
      updatedAt: now,
      history: [...current.record.history, { at: now, action: 'case-updated', changes }],
    };
    return this.store({ ...current, record });
  }

  /** Adds a timeline entry and its history line in one write. */
  async addEntry(current: CaseFile, fields: EntryFields): Promise<CaseFile> {
    const now = new Date().toISOString();
    const entry: EntryRecord = entryRecordSchema.parse({
      ...entryFieldsSchema.parse(fields),
      createdAt: now,
      updatedAt: now,
    });
    const id = randomId();
    const event: HistoryEvent = {
      at: now,
      action: 'entry-added',
      entryId: id,
      changes: diffFields({}, entryFieldsOf(entry)),
    };
    return this.writeEntries(current, event, [...current.entries, { id, record: entry }]);
  }

  async updateEntry(current: CaseFile, entryId: string, fields: EntryFields): Promise<CaseFile> {
    const existing = current.entries.find((entry) => entry.id === entryId);
    if (existing === undefined)
      throw new VaultError('storage', `save the timeline entry: entry ${entryId} is not in this case.`, {
        reason: 'entry-missing',
      });
    const next = entryFieldsSchema.parse(fields);
    const changes = diffFields(entryFieldsOf(existing.record), next);
    if (changes.length === 0) return current;
    const now = new Date().toISOString();
    const entry: EntryRecord = { ...existing.record, ...next, updatedAt: now };
    const event: HistoryEvent = { at: now, action: 'entry-updated', entryId, changes };
    return this.writeEntries(
      current,
      event,
      current.entries.map((e) => (e.id === entryId ? { id: entryId, record: entry } : e)),
    );
  }

  async deleteEntry(current: CaseFile, entryId: string): Promise<CaseFile> {
    const existing = current.entries.find((entry) => entry.id === entryId);
    if (existing === undefined) return current;
    const now = new Date().toISOString();
    const event: HistoryEvent = {
      at: now,
      action: 'entry-deleted',
      entryId,
      changes: diffFields(entryFieldsOf(existing.record), {}),
    };
    return this.writeEntries(
      current,
      event,
      current.entries.filter((e) => e.id !== entryId),
    );
  }

  /** Adds, changes (including marking done) or removes a deadline; the history records it. */
  async saveDeadline(current: CaseFile, deadline: Deadline): Promise<CaseFile> {
    const next = deadlineSchema.parse(deadline);
    const existing = current.record.deadlines.find((d) => d.id === next.id);
    const changes = diffFields(existing ?? {}, next);
    if (changes.length === 0) return current;
    const deadlines = existing
      ? current.record.deadlines.map((d) => (d.id === next.id ? next : d))
      : [...current.record.deadlines, next];
    return this.writeRecord(
      current,
      { ...current.record, deadlines },
      {
        action: existing ? 'deadline-updated' : 'deadline-added',
        deadlineId: next.id,
        changes,
      },
    );
  }

  async deleteDeadline(current: CaseFile, deadlineId: string): Promise<CaseFile> {
    const existing = current.record.deadlines.find((d) => d.id === deadlineId);
    if (existing === undefined) return current;
    const deadlines = current.record.deadlines.filter((d) => d.id !== deadlineId);
    return this.writeRecord(
      current,
      { ...current.record, deadlines },
      {
        action: 'deadline-deleted',
        deadlineId,
        changes: diffFields(existing, {}),
      },
    );
  }

  /**
   * Streams a file into the case (or one of its entries) through the vault's chunked encryption;
   * the history notes it once the manifest is stored.
   */
  async importAttachment(
    current: CaseFile,
    file: Blob,
    meta: DocumentMeta,
    options: ImportOptions = {},
  ): Promise<CaseFile> {
    const keys = this.session.requireKeys();
    const manifest = await this.repository.importAttachment(
      keys,
      await this.repository.caseKeysFor(keys, current.caseTag),
      file,
      meta,
      options,
    );
    const withFile = { ...current, attachments: [...current.attachments, manifest] };
    return this.writeRecord(withFile, current.record, {
      action: 'attachment-added',
      attachmentId: manifest.id,
      changes: [
        {
          field: 'attachment',
          before: null,
          after: `${manifest.name} (${manifest.size} B, SHA-256 ${manifest.sha256})`,
        },
      ],
    });
  }

  /** The decrypted bytes of an attachment, each chunk verified before it is released. */
  async readAttachment(current: CaseFile, manifest: AttachmentManifest): Promise<Uint8Array[]> {
    const parts: Uint8Array[] = [];
    const keys = this.session.requireKeys();
    const source = this.repository.readAttachment(
      keys,
      await this.repository.caseKeysFor(keys, current.caseTag),
      manifest,
    );
    for await (const part of source) parts.push(part);
    return parts;
  }

  /** Gives a document its date and description (validated); the history records what changed. */
  async describeAttachment(current: CaseFile, attachmentId: string, details: AttachmentDetails): Promise<CaseFile> {
    const next = attachmentDetailsSchema.parse(details);
    const manifest = current.attachments.find((a) => a.id === attachmentId);
    if (manifest === undefined)
      throw new VaultError('storage', 'describe the document: it is not in the case.', { reason: 'case-not-open' });
    const changes = diffFields({ date: manifest.date, description: manifest.description }, next);
    if (changes.length === 0) return current;
    const withDetails = {
      ...current,
      attachments: current.attachments.map((a) => (a.id === attachmentId ? { ...a, ...next } : a)),
    };
    return this.writeRecord(withDetails, current.record, {
      action: 'attachment-updated',
      attachmentId,
      changes,
    });
  }

  async deleteAttachment(current: CaseFile, manifest: AttachmentManifest): Promise<CaseFile> {
    const withoutFile = { ...current, attachments: current.attachments.filter((a) => a.id !== manifest.id) };
    return this.writeRecord(
      withoutFile,
      current.record,
      {
        action: 'attachment-deleted',
        attachmentId: manifest.id,
        changes: [{ field: 'attachment', before: manifest.name, after: null }],
      },
      { attachmentIds: [manifest.id] },
    );
  }

  /**
   * Deletes a case in one transaction: it leaves its page, which is re-keyed, its key row and its
   * documents' chunks are removed, and the vault moves to a new key epoch whose old key is then
   * destroyed (see `VaultSession.shred`): any copy of its rows left on disk needs a key that no
   * longer exists. In the web edition the old epoch key may survive in the browser's files.
   */
  async deleteCase(caseTag: string): Promise<void> {
    await this.session.shred([caseTag]);
  }

  async saveSettings(settings: VaultSettings): Promise<void> {
    await this.repository.writeSettings(this.session.requireKeys(), settings);
  }

  private async writeEntries(current: CaseFile, event: HistoryEvent, entries: CaseEntry[]): Promise<CaseFile> {
    const record: CaseRecord = { ...current.record, updatedAt: event.at, history: [...current.record.history, event] };
    return this.store({ ...current, record, entries });
  }

  private async writeRecord(
    current: CaseFile,
    record: CaseRecord,
    event: Omit<HistoryEvent, 'at'>,
    deleteChunksOf?: { attachmentIds: string[] },
  ): Promise<CaseFile> {
    const at = new Date().toISOString();
    const next: CaseRecord = { ...record, updatedAt: at, history: [...record.history, { at, ...event }] };
    return this.store({ ...current, record: next }, deleteChunksOf);
  }

  /** Stores a case as it now is (its page is re-sealed in one transaction). */
  private async store(next: CaseFile, deleteChunksOf?: { attachmentIds: string[] }): Promise<CaseFile> {
    await this.repository.write(this.session.requireKeys(), {
      put: [next],
      ...(deleteChunksOf ? { deleteChunksOf } : {}),
    });
    return next;
  }
}
