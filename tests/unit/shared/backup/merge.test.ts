import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCase } from '../../../../shared/backup/merge';
import { caseFieldsOf, emptyCaseFields, type CaseRecord, type HistoryEvent } from '../../../../shared/domain/case';
import type { Deadline } from '../../../../shared/domain/deadline';
import { emptyEntryFields, entryFieldsOf, type EntryRecord } from '../../../../shared/domain/entry';
import { diffFields } from '../../../../shared/domain/history';
import type { CaseFile } from '../../../../shared/domain/case-file';

/**
 * A small model of the vault's edits (the same history events the vault service writes), so the
 * merge can be checked over many random pairs of diverging copies.
 */
const T0 = Date.parse('2026-04-01T09:00:00.000Z');
const time = (tick: number) => new Date(T0 + tick * 1000).toISOString();

function base(): CaseFile {
  const at = time(0);
  const record: CaseRecord = {
    ...emptyCaseFields('civil-lawsuit'),
    title: 'Akimat v. Uralskaya Nedelya',
    court: 'Уральский городской суд',
    createdAt: at,
    updatedAt: at,
    history: [{ at, action: 'case-created', changes: [] }],
    quick: false,
    deadlines: [{ id: 'd1', what: 'Отзыв', due: '2026-05-01', time: '', reminder: 'none', done: false }],
  };
  const entry: EntryRecord = { ...emptyEntryFields('2026-04-02'), outcome: 'Иск подан', createdAt: at, updatedAt: at };
  return { caseTag: 'case-1', record, entries: [{ id: 'e1', record: entry }], attachments: [] };
}

type Edit =
  | { kind: 'field'; field: 'title' | 'court' | 'summary'; value: string }
  | { kind: 'entry-add'; id: string; text: string }
  | { kind: 'entry-update'; text: string }
  | { kind: 'entry-delete' }
  | { kind: 'deadline-done' }
  | { kind: 'deadline-add'; id: string; what: string };

function apply(snapshot: CaseFile, edit: Edit, tick: number): CaseFile {
  const at = time(tick);
  const record = snapshot.record;
  const withEvent = (event: Omit<HistoryEvent, 'at'>, next: Partial<CaseRecord> = {}) => ({
    ...record,
    ...next,
    updatedAt: at,
    history: [...record.history, { at, ...event }],
  });
  switch (edit.kind) {
    case 'field': {
      const next = { ...caseFieldsOf(record), [edit.field]: edit.value };
      const changes = diffFields(caseFieldsOf(record), next);
      if (changes.length === 0) return snapshot;
      return { ...snapshot, record: withEvent({ action: 'case-updated', changes }, next) };
    }
    case 'entry-add': {
      if (snapshot.entries.some((e) => e.id === edit.id)) return snapshot;
      const entry: EntryRecord = {
        ...emptyEntryFields('2026-04-10'),
        outcome: edit.text,
        createdAt: at,
        updatedAt: at,
      };
      return {
        ...snapshot,
        record: withEvent({ action: 'entry-added', entryId: edit.id, changes: diffFields({}, entryFieldsOf(entry)) }),
        entries: [...snapshot.entries, { id: edit.id, record: entry }],
      };
    }
    case 'entry-update': {
      const first = snapshot.entries[0];
      if (first === undefined || first.record.outcome === edit.text) return snapshot;
      const entry = { ...first.record, outcome: edit.text, updatedAt: at };
      const changes = diffFields(entryFieldsOf(first.record), entryFieldsOf(entry));
      return {
        ...snapshot,
        record: withEvent({ action: 'entry-updated', entryId: first.id, changes }),
        entries: snapshot.entries.map((e) => (e.id === first.id ? { id: e.id, record: entry } : e)),
      };
    }
    case 'entry-delete': {
      const first = snapshot.entries[0];
      if (first === undefined) return snapshot;
      return {
        ...snapshot,
        record: withEvent({
          action: 'entry-deleted',
          entryId: first.id,
          changes: diffFields(entryFieldsOf(first.record), {}),
        }),
        entries: snapshot.entries.slice(1),
      };
    }
    case 'deadline-done': {
      const first = record.deadlines[0];
      if (first === undefined) return snapshot;
      const next: Deadline = { ...first, done: !first.done };
      return {
        ...snapshot,
        record: withEvent(
          { action: 'deadline-updated', deadlineId: first.id, changes: diffFields(first, next) },
          { deadlines: record.deadlines.map((d) => (d.id === first.id ? next : d)) },
        ),
      };
    }
    case 'deadline-add': {
      if (record.deadlines.some((d) => d.id === edit.id)) return snapshot;
      const next: Deadline = {
        id: edit.id,
        what: edit.what,
        due: '2026-06-01',
        time: '',
        reminder: 'none',
        done: false,
      };
      return {
        ...snapshot,
        record: withEvent(
          { action: 'deadline-added', deadlineId: edit.id, changes: diffFields({}, next) },
          { deadlines: [...record.deadlines, next] },
        ),
      };
    }
  }
}

const text = fc.constantFrom('Бажкенова', 'Bazhkenova', 'Әділет', 'appeal filed', 'апелляция', 'Қазақстан', '');
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('title', 'court', 'summary'),
    value: text.filter((t) => t !== ''),
  }),
  fc.record({ kind: fc.constant('entry-add' as const), id: fc.constantFrom('e2', 'e3', 'e4'), text }),
  fc.record({ kind: fc.constant('entry-update' as const), text }),
  fc.constant({ kind: 'entry-delete' as const }),
  fc.constant({ kind: 'deadline-done' as const }),
  fc.record({
    kind: fc.constant('deadline-add' as const),
    id: fc.constantFrom('d2', 'd3'),
    what: text.filter((t) => t !== ''),
  }),
);

/** Two copies edited apart: each edit goes to one side, at its own (distinct) time. */
const divergence = fc.array(fc.tuple(fc.boolean(), editArb), { maxLength: 12 }).map((edits) => {
  let left = base();
  let right = base();
  edits.forEach(([toLeft, edit], i) => {
    if (toLeft) left = apply(left, edit, i + 1);
    else right = apply(right, edit, i + 1);
  });
  return { left, right };
});

const MERGE_AT = time(10_000);

describe('merging two copies of a case', () => {
  it('keeps the newer value of a field both copies changed, and puts the other into the history', () => {
    const start = base();
    const left = apply(start, { kind: 'field', field: 'title', value: 'Акимат против «Уральской недели»' }, 1);
    const right = apply(start, { kind: 'field', field: 'title', value: 'Akimat v. UN (appeal)' }, 2);
    const result = mergeCase(left, right, MERGE_AT);
    expect(result.outcome).toBe('updated');
    expect(result.merged.record.title).toBe('Akimat v. UN (appeal)');
    expect(result.conflicts).toBe(1);
    const merged = result.merged.record.history.at(-1)!;
    expect(merged).toMatchObject({
      action: 'merged',
      changes: [{ field: 'title', before: 'Акимат против «Уральской недели»', after: 'Akimat v. UN (appeal)' }],
    });
    // The other way round: the local value is newer and stays; the incoming one goes to history.
    const back = mergeCase(right, left, MERGE_AT);
    expect(back.merged.record.title).toBe('Akimat v. UN (appeal)');
    expect(back.merged.record.history.at(-1)!.changes[0]).toMatchObject({ before: 'Акимат против «Уральской недели»' });
  });

  it('takes a change made in one copy only, without calling it a conflict', () => {
    const start = base();
    const right = apply(start, { kind: 'field', field: 'court', value: 'Верховный суд' }, 1);
    const left = apply(start, { kind: 'field', field: 'title', value: 'New title' }, 2);
    const result = mergeCase(left, right, MERGE_AT);
    expect(result.merged.record.court).toBe('Верховный суд');
    expect(result.merged.record.title).toBe('New title');
    expect(result.conflicts).toBe(0);
  });

  it('keeps a document’s date and description given in either copy, the later one where both did', () => {
    const manifest = {
      id: 'a1',
      caseTag: 'case-1',
      name: 'Иск.pdf',
      type: 'application/pdf',
      size: 5,
      sha256: 'ab'.repeat(32),
      chunkSize: 1024,
      chunkCount: 1,
      noncePrefix: 'x',
      addedAt: time(0),
      entryId: null,
      date: '',
      description: '',
    };
    const start = { ...base(), attachments: [manifest] };
    const describe = (snapshot: CaseFile, description: string, tick: number): CaseFile => ({
      ...snapshot,
      attachments: [{ ...manifest, date: '2026-04-02', description }],
      record: {
        ...snapshot.record,
        updatedAt: time(tick),
        history: [
          ...snapshot.record.history,
          {
            at: time(tick),
            action: 'attachment-updated',
            attachmentId: 'a1',
            changes: [{ field: 'description', before: '', after: description }],
          },
        ],
      },
    });
    const described = describe(start, 'Исковое заявление', 1);
    const edited = apply(start, { kind: 'field', field: 'court', value: 'Верховный суд' }, 2);
    for (const [local, incoming] of [
      [described, edited],
      [edited, described],
    ] as const)
      expect(mergeCase(local, incoming, MERGE_AT).merged.attachments[0]?.description).toBe('Исковое заявление');
    const later = describe(start, 'Заявление с приложениями', 3);
    expect(mergeCase(described, later, MERGE_AT).merged.attachments[0]?.description).toBe('Заявление с приложениями');
    expect(mergeCase(later, described, MERGE_AT).merged.attachments[0]?.description).toBe('Заявление с приложениями');
  });

  it('honours a deletion made in the other copy unless this copy edited the entry afterwards', () => {
    const start = base();
    const deleted = apply(start, { kind: 'entry-delete' }, 1);
    expect(mergeCase(start, deleted, MERGE_AT).merged.entries).toEqual([]);
    expect(mergeCase(start, deleted, MERGE_AT).entriesRemoved).toEqual(['e1']);
    const editedLater = apply(start, { kind: 'entry-update', text: 'Жалоба отклонена' }, 2);
    expect(mergeCase(editedLater, deleted, MERGE_AT).merged.entries.map((e) => e.id)).toEqual(['e1']);
  });

  it('adds a case it does not have as new', () => {
    const result = mergeCase(undefined, base(), MERGE_AT);
    expect(result.outcome).toBe('new');
    expect(result.entriesAdded).toBe(1);
  });

  it('loses nothing: every value of either copy is kept or written into the history', () => {
    fc.assert(
      fc.property(divergence, ({ left, right }) => {
        const { merged } = mergeCase(left, right, MERGE_AT);
        const history = merged.record.history;
        const mentioned = (field: string, value: unknown) =>
          history.some((e) =>
            e.changes.some(
              (c) =>
                c.field === field &&
                (JSON.stringify(c.before) === JSON.stringify(value) ||
                  JSON.stringify(c.after) === JSON.stringify(value)),
            ),
          );
        for (const side of [left, right]) {
          for (const field of ['title', 'court', 'summary'] as const) {
            const value = side.record[field];
            if (merged.record[field] !== value && value !== base().record[field])
              expect(mentioned(field, value)).toBe(true);
          }
          for (const event of side.record.history) expect(history).toContainEqual(event);
          for (const entry of side.entries) {
            const kept = merged.entries.find((e) => e.id === entry.id);
            const deleted = history.some((e) => e.entryId === entry.id && e.action === 'entry-deleted');
            if (kept === undefined) expect(deleted).toBe(true);
            else if (JSON.stringify(kept.record) !== JSON.stringify(entry.record))
              expect(mentioned('outcome', entry.record.outcome) || entry.record.outcome === kept.record.outcome).toBe(
                true,
              );
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: merging the same copy again changes nothing', () => {
    fc.assert(
      fc.property(divergence, ({ left, right }) => {
        const once = mergeCase(left, right, MERGE_AT);
        const twice = mergeCase(once.merged, right, time(20_000));
        expect(twice.outcome).toBe('unchanged');
        expect(mergeCase(once.merged, left, time(20_000)).outcome).toBe('unchanged');
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same values whichever copy merges into which', () => {
    fc.assert(
      fc.property(divergence, ({ left, right }) => {
        const a = mergeCase(left, right, MERGE_AT).merged;
        const b = mergeCase(right, left, MERGE_AT).merged;
        expect(caseFieldsOf(a.record)).toEqual(caseFieldsOf(b.record));
        const byId = <T extends { id: string }>(items: readonly T[]) =>
          [...items].sort((x, y) => x.id.localeCompare(y.id));
        expect(byId(a.entries)).toEqual(byId(b.entries));
        expect(byId(a.record.deadlines)).toEqual(byId(b.record.deadlines));
      }),
      { numRuns: 400 },
    );
  });
});
