import { caseFieldsSchema, caseRecordSchema, emptyCaseFields, type CaseKind, type CaseRecord } from '../domain/case';
import type { CaseEntry, CaseFile } from '../domain/case-file';
import {
  emptyEntryFields,
  entryFieldsOf,
  entryRecordSchema,
  type EntryFields,
  type EntryKind,
  type EntryRecord,
} from '../domain/entry';
import { diffFields } from '../domain/history';
import { emptyQuickDevelopment, quickDevelopmentAsCase } from '../domain/quick-development';
import { REPORT_LANGUAGES } from '../domain/texts-by-language';
import { parseReportText, reportPlainText } from '../report/report-text';
import type { PastGroup, Proposal, ProposalAction } from './import-plan';

/** What the monitor settled for one proposal in the review. */
export type Decision = {
  readonly action: ProposalAction;
  readonly entryKind: EntryKind;
  readonly caseKind: CaseKind;
  /** Take the day the text names instead of the month alone. */
  readonly useSuggestedDay: boolean;
};

export function defaultDecision(proposal: Proposal): Decision {
  return {
    action: proposal.action,
    entryKind: proposal.entryKind,
    caseKind: proposal.caseKind,
    useSuggestedDay: false,
  };
}

/** The confirmed review as one write: the cases as they will be stored, and each quarter's order. */
export type PastReportWrite = {
  readonly put: readonly CaseFile[];
  /** Of `put`, the cases that are new (their keys are made as they are written). */
  readonly created: readonly string[];
  /** Each quarter touched (`YYYY-Qn`): the stored order with the new developments after it, as published. */
  readonly orders: Readonly<Record<string, readonly string[]>>;
  /** What the write does, for the screen's message. */
  readonly counts: {
    readonly quick: number;
    readonly entries: number;
    readonly newCases: number;
    readonly texts: number;
  };
};

export function pastReportWrites(
  proposals: readonly Proposal[],
  decisions: ReadonlyMap<string, Decision>,
  cases: readonly CaseFile[],
  options: {
    readonly now: string;
    readonly newId: () => string;
    readonly orders: Readonly<Record<string, readonly string[]>>;
  },
): PastReportWrite {
  const { now, newId } = options;
  const changed = new Map<string, CaseFile>();
  const created: string[] = [];
  const placed: Array<{ place: number; quarter: string; entryId: string }> = [];
  const counts = { quick: 0, entries: 0, newCases: 0, texts: 0 };
  const current = (caseTag: string) => changed.get(caseTag) ?? cases.find((c) => c.caseTag === caseTag);
  for (const proposal of proposals) {
    const decision = decisions.get(proposal.group.key) ?? defaultDecision(proposal);
    const { group } = proposal;
    const { action } = decision;
    if (action.kind === 'skip') continue;
    if (action.kind === 'texts') {
      const view = current(action.caseTag);
      const entry = view?.entries.find((e) => e.id === action.entryId);
      if (view === undefined || entry === undefined) continue;
      const before = entryFieldsOf(entry.record);
      const reportTexts = { ...before.reportTexts };
      for (const language of REPORT_LANGUAGES)
        if (reportTexts[language].trim() === '') reportTexts[language] = group.texts[language];
      const after: EntryFields = { ...before, reportTexts, includeInReport: true };
      const record: EntryRecord = entryRecordSchema.parse({
        ...after,
        createdAt: entry.record.createdAt,
        updatedAt: now,
      });
      changed.set(view.caseTag, {
        ...view,
        record: withEvent(view.record, now, {
          action: 'entry-updated',
          entryId: entry.id,
          changes: diffFields(before, after),
        }),
        entries: view.entries.map((e) => (e.id === entry.id ? { id: e.id, record } : e)),
      });
      counts.texts += 1;
      continue;
    }
    const fields = entryFieldsFor(group, decision);
    const entry: CaseEntry = {
      id: newId(),
      record: entryRecordSchema.parse({ ...fields, createdAt: now, updatedAt: now }),
    };
    placed.push({ place: group.place, quarter: quarterOf(group), entryId: entry.id });
    const added = { action: 'entry-added' as const, entryId: entry.id, changes: diffFields({}, fields) };
    if (action.kind === 'entry') {
      const view = current(action.caseTag);
      if (view === undefined) continue;
      changed.set(view.caseTag, {
        ...view,
        record: withEvent(view.record, now, added),
        entries: [...view.entries, entry],
      });
      counts.entries += 1;
      continue;
    }
    const caseFields =
      action.kind === 'quick'
        ? quickDevelopmentAsCase({
            ...emptyQuickDevelopment(fields.date),
            caseKind: decision.caseKind,
            entryKind: decision.entryKind,
            reportTexts: group.texts,
            sources: fields.sources,
          }).fields
        : caseFieldsSchema.parse({ ...emptyCaseFields(decision.caseKind), title: titleOf(group) });
    const caseTag = newId();
    const record: CaseRecord = caseRecordSchema.parse({
      ...caseFields,
      createdAt: now,
      updatedAt: now,
      quick: action.kind === 'quick',
      history: [
        { at: now, action: 'case-created', changes: [] },
        { at: now, ...added },
      ],
    });
    changed.set(caseTag, { caseTag, record, entries: [entry], attachments: [] });
    created.push(caseTag);
    if (action.kind === 'quick') counts.quick += 1;
    else counts.newCases += 1;
  }
  const orders: Record<string, string[]> = {};
  for (const { quarter, entryId } of placed.sort((a, b) => a.place - b.place)) {
    orders[quarter] ??= [...(options.orders[quarter] ?? [])];
    orders[quarter].push(entryId);
  }
  return { put: [...changed.values()], created, orders, counts };
}

function withEvent(record: CaseRecord, at: string, event: Omit<CaseRecord['history'][number], 'at'>): CaseRecord {
  return { ...record, updatedAt: at, history: [...record.history, { at, ...event }] };
}

function quarterOf(group: PastGroup): string {
  return `${group.year}-Q${Math.floor((group.month - 1) / 3) + 1}`;
}

/** The entry a published development becomes: dated by its month (or the day its text names, if taken). */
export function entryFieldsFor(group: PastGroup, decision: Decision): EntryFields {
  const month = `${group.year}-${String(group.month).padStart(2, '0')}`;
  const day = decision.useSuggestedDay ? group.suggestedDay : null;
  return {
    ...emptyEntryFields(day === null ? `${month}-01` : `${month}-${String(day).padStart(2, '0')}`),
    datePrecision: day === null ? 'month' : 'day',
    kind: decision.entryKind,
    reportTexts: group.texts,
    includeInReport: true,
    sources: group.links.slice(0, 100),
  };
}

/** A new case's title: the words of its first link (what the report highlights), else its opening words. */
function titleOf(group: PastGroup): string {
  const text = REPORT_LANGUAGES.map((l) => group.texts[l]).find((t) => t.trim() !== '') ?? '';
  const linked = parseReportText(text)
    .runs.find((run) => run.href !== null)
    ?.text.trim();
  const title = linked || reportPlainText(text).trim();
  return title.length > 120 ? `${title.slice(0, 119)}…` : title;
}
