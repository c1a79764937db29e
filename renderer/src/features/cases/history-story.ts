import type { TFunction } from 'i18next';
import {
  formatBytes,
  formatCivilDate,
  formatCivilMonth,
  formatMoment,
  formatNumber,
} from '../../../../shared/app/date-format';
import type { HistoryEvent, LegalBasis, Participant, Target } from '../../../../shared/domain/case';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { isCivilDate } from '../../../../shared/domain/civil-date';
import { formatLegalBasis } from '../../../../shared/domain/legal-basis-format';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/domain/texts-by-language';
import { regionName } from '../../../../shared/domain/places';
import { REGION_CODES } from '../../../../shared/domain/regions';

/**
 * The case history as people read it: each recorded event as a sentence ("Hearing on 14 July
 * 2026 added", "Document “Claim.pdf” added, 1.2 MB") and each change as the interface shows the
 * field and its values — kinds and stages by name, targets by name and role, lists as what was
 * added and removed — in the interface's language. The stored events stay as they were (field
 * names and raw values, so merges can read them); only their telling is here.
 */
export type HistoryLine = { readonly when: string; readonly headline: string; readonly details: readonly string[] };

type Context = { readonly t: TFunction; readonly language: ReportLanguage };
/** What a changed field belongs to: the case, a timeline entry, a deadline or a document. */
type Scope = 'case' | 'entry' | 'deadline' | 'document';
type Value = unknown;

/** Longest text shown of a changed text field; the rest is in the case itself. */
const SHOWN_TEXT = 120;

export function historyLines(view: CaseFile, t: TFunction, language: ReportLanguage): HistoryLine[] {
  const context = { t, language };
  return [...view.record.history].reverse().map((event) => ({
    when: formatMoment(event.at, language),
    headline: headlineOf(event, view, context),
    details: detailsOf(event, context),
  }));
}

function headlineOf(event: HistoryEvent, view: CaseFile, { t, language }: Context): string {
  // A field of the event, else the last value an earlier event of the same entry or deadline
  // recorded (an edit records only what changed; the entry may be gone since).
  const change = (field: string) =>
    event.changes.find((c) => c.field === field) ?? earlierChange(view.record.history, event, field);
  switch (event.action) {
    case 'entry-added':
    case 'entry-updated':
    case 'entry-deleted': {
      // The entry as it was then (its fields are in the event), else as it is now.
      const entry = view.entries.find((e) => e.id === event.entryId)?.record;
      const kind = pick(change('kind'), event.action) ?? entry?.kind;
      const date = pick(change('date'), event.action) ?? entry?.date;
      const what = typeof kind === 'string' ? t(`timeline.kind.${kind}` as 'timeline.kind.hearing') : '';
      const precision = pick(change('datePrecision'), event.action) ?? entry?.datePrecision;
      const on =
        typeof date === 'string' && isCivilDate(date)
          ? t(precision === 'month' ? 'history.inMonth' : 'history.on', {
              date: precision === 'month' ? formatCivilMonth(date, language) : formatCivilDate(date, language),
            })
          : '';
      return t(`history.entry.${event.action}`, { what: what || t('history.anEntry'), on });
    }
    case 'deadline-added':
    case 'deadline-updated':
    case 'deadline-deleted': {
      const deadline = view.record.deadlines.find((d) => d.id === event.deadlineId);
      const what = pick(change('what'), event.action) ?? deadline?.what ?? '';
      const done = change('done');
      const action =
        event.action !== 'deadline-updated' || done === undefined
          ? event.action
          : done.after === true
            ? 'deadline-done'
            : 'deadline-reopened';
      return t(`history.deadline.${action}`, { what: typeof what === 'string' ? what : '' });
    }
    case 'attachment-updated': {
      const stored = view.attachments.find((a) => a.id === event.attachmentId);
      return t('history.document.described', { name: stored?.name ?? '' });
    }
    case 'attachment-added':
    case 'attachment-deleted': {
      const stored = view.attachments.find((a) => a.id === event.attachmentId);
      const told = documentTold(change('attachment'));
      const name = stored?.name ?? told.name;
      const size = stored?.size ?? told.size;
      if (event.action === 'attachment-deleted') return t('history.document.deleted', { name });
      return size === null
        ? t('history.document.addedNoSize', { name })
        : t('history.document.added', { name, size: formatBytes(size, language) });
    }
    case 'case-created':
    case 'case-updated':
    case 'merged':
      return t(`history.action.${event.action}`);
  }
}

function earlierChange(history: readonly HistoryEvent[], event: HistoryEvent, field: string) {
  const same = (other: HistoryEvent) =>
    (event.entryId !== undefined && other.entryId === event.entryId) ||
    (event.deadlineId !== undefined && other.deadlineId === event.deadlineId);
  const upTo = history.indexOf(event);
  for (let index = (upTo === -1 ? history.length : upTo) - 1; index >= 0; index -= 1) {
    const other = history[index]!;
    const change = same(other) ? other.changes.find((c) => c.field === field) : undefined;
    if (change !== undefined) return { ...change, before: change.after ?? change.before };
  }
  return undefined;
}

/** The value an event's change names its entry or deadline by: after for an addition, before for a deletion. */
function pick(change: HistoryEvent['changes'][number] | undefined, action: string): Value {
  if (change === undefined) return undefined;
  return action.endsWith('-deleted') ? change.before : (change.after ?? change.before);
}

/** "Claim.pdf (13780 B, SHA-256 …)", as an added document's event has always told it. */
function documentTold(change: HistoryEvent['changes'][number] | undefined): {
  name: string;
  size: number | null;
} {
  const told = change?.after ?? change?.before;
  const text = typeof told === 'string' ? told : '';
  const match = /^(.*) \((\d+) B, SHA-256 [0-9a-f]+\)$/.exec(text);
  return match ? { name: match[1]!, size: Number(match[2]) } : { name: text, size: null };
}

function detailsOf(event: HistoryEvent, context: Context): string[] {
  const { t } = context;
  switch (event.action) {
    case 'case-created':
    case 'attachment-added':
    case 'attachment-deleted':
      return [];
    case 'entry-added':
    case 'entry-deleted':
    case 'deadline-added':
    case 'deadline-deleted':
      // The headline names it; its fields as they were are in the case.
      return [];
    case 'case-updated':
    case 'entry-updated':
    case 'deadline-updated':
    case 'attachment-updated':
    case 'merged': {
      const scope = event.entryId ? 'entry' : event.deadlineId ? 'deadline' : event.attachmentId ? 'document' : 'case';
      const merged = event.action === 'merged';
      return event.changes.flatMap((change) => {
        if (scope === 'deadline' && change.field === 'done') return [];
        const lines = changeLines(change.field, change.before, change.after, scope, context);
        if (!merged) return lines;
        // A merge keeps one copy's value and sets the other's aside: say which.
        return lines.map((line) => t('history.mergedLine', { line }));
      });
    }
  }
}

/** One changed field as lines a person reads; lists say what was added and removed. */
function changeLines(field: string, before: Value, after: Value, scope: Scope, context: Context): string[] {
  const { t } = context;
  const label = fieldLabel(field, scope, context);
  if (scope === 'case' && field === 'targets')
    return targetLines(asArray<Target>(before), asArray<Target>(after), context);
  if (scope === 'case' && (field === 'initiator' || field === 'publication' || field === 'verification'))
    return objectLines(field, asObject(before), asObject(after), context);
  if (field === 'reportTexts') return reportTextLines(asObject(before), asObject(after), context);
  if (field === 'privilegedNotes') return [t('history.privilegedChanged')];
  if (Array.isArray(before) || Array.isArray(after)) {
    const shown = (items: unknown[]) => items.map((item) => listItemText(field, item, context));
    const was = shown(asArray(before));
    const now = shown(asArray(after));
    const added = now.filter((item) => !was.includes(item));
    const removed = was.filter((item) => !now.includes(item));
    const lines: string[] = [];
    if (added.length > 0) lines.push(t('history.listAdded', { field: label, items: added.join('; ') }));
    if (removed.length > 0) lines.push(t('history.listRemoved', { field: label, items: removed.join('; ') }));
    return lines.length > 0 ? lines : [t('history.listReordered', { field: label })];
  }
  return [
    t('history.changed', {
      field: label,
      before: valueText(field, before, scope, context),
      after: valueText(field, after, scope, context),
    }),
  ];
}

function targetLines(before: Target[], after: Target[], context: Context): string[] {
  const { t } = context;
  const lines: string[] = [];
  for (const target of after) {
    const was = before.find((b) => b.id === target.id);
    if (was === undefined) {
      lines.push(t('history.targetAdded', { target: targetText(target, context) }));
      continue;
    }
    for (const key of ['name', 'role', 'outlet', 'gender', 'region', 'anonymityRequired'] as const) {
      if (JSON.stringify(was[key]) === JSON.stringify(target[key])) continue;
      lines.push(
        t('history.targetChanged', {
          target: target.name || was.name,
          field: fieldLabel(targetFieldKey(key), 'case', context),
          before: valueText(key, was[key], 'target', context),
          after: valueText(key, target[key], 'target', context),
        }),
      );
    }
  }
  for (const target of before)
    if (!after.some((a) => a.id === target.id))
      lines.push(t('history.targetRemoved', { target: targetText(target, context) }));
  return lines;
}

function targetFieldKey(key: keyof Target): string {
  return `target${key.charAt(0).toUpperCase()}${key.slice(1).replace('Required', '')}`;
}

/** "Ольга Воронко (journalist, Уральская неделя)". */
function targetText(target: Target, { t }: Context): string {
  const about = [t(`cases.role.${target.role}`), target.outlet].filter(Boolean).join(', ');
  return `${target.name} (${about})`;
}

function objectLines(field: string, before: Record<string, Value>, after: Record<string, Value>, context: Context) {
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    const path = NESTED_FIELDS[`${field}.${key}`] ?? key;
    lines.push(...changeLines(path, before[key], after[key], 'case', context));
  }
  return lines;
}

/** Fields inside the case's groups, by the name their label and values go by. */
const NESTED_FIELDS: Readonly<Record<string, string>> = {
  'initiator.name': 'initiatorName',
  'initiator.type': 'initiatorType',
  'initiator.stateActor': 'stateActor',
  'publication.title': 'publicationTitle',
  'publication.date': 'publicationDate',
  'publication.url': 'publicationUrl',
  'verification.status': 'verificationStatus',
  'verification.sources': 'sources',
};

function reportTextLines(before: Record<string, Value>, after: Record<string, Value>, { t }: Context): string[] {
  return REPORT_LANGUAGES.flatMap((language) => {
    const was = typeof before[language] === 'string' ? before[language] : '';
    const now = typeof after[language] === 'string' ? after[language] : '';
    if (was === now) return [];
    const action = was === '' ? 'written' : now === '' ? 'removed' : 'changed';
    return [t(`history.reportText.${action}`, { language: t(`reportLanguage.${language}`) })];
  });
}

const CASE_LABELS: Readonly<Record<string, string>> = {
  kind: 'cases.field.kind',
  title: 'cases.field.title',
  legalBasis: 'cases.section.legal',
  court: 'cases.field.court',
  participants: 'cases.section.participants',
  caseNumbers: 'cases.field.caseNumbers',
  stage: 'cases.field.stage',
  proceduralStatus: 'cases.field.proceduralStatus',
  claimedKzt: 'cases.field.claimedKzt',
  awardedKzt: 'cases.field.awardedKzt',
  outcome: 'cases.field.outcome',
  summary: 'cases.field.summary',
  tags: 'cases.field.tags',
  deadline: 'deadlines.title',
  initiatorName: 'cases.field.initiatorName',
  initiatorType: 'cases.field.initiatorType',
  stateActor: 'cases.field.stateActor',
  publicationTitle: 'cases.field.publicationTitle',
  publicationDate: 'cases.field.publicationDate',
  publicationUrl: 'cases.field.publicationUrl',
  verificationStatus: 'cases.field.verificationStatus',
  sources: 'cases.field.sources',
  targetName: 'cases.field.targetName',
  targetRole: 'cases.field.targetRole',
  targetOutlet: 'cases.field.targetOutlet',
  targetGender: 'cases.field.targetGender',
  targetRegion: 'cases.field.targetRegion',
  targetAnonymity: 'cases.field.targetAnonymity',
};

const DOCUMENT_LABELS: Readonly<Record<string, string>> = {
  date: 'documents.date',
  description: 'documents.description',
};

const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  what: 'deadlines.what',
  due: 'deadlines.due',
  time: 'deadlines.time',
  reminder: 'deadlines.reminderLabel',
};

function fieldLabel(field: string, scope: Scope, { t }: Context): string {
  const key =
    scope === 'entry'
      ? ENTRY_FIELDS.has(field)
        ? `timeline.field.${field}`
        : undefined
      : scope === 'deadline'
        ? DEADLINE_LABELS[field]
        : scope === 'document'
          ? DOCUMENT_LABELS[field]
          : CASE_LABELS[field];
  // A field this version does not know (written by a newer one) is named as such, never by its code.
  return key === undefined ? t('history.otherField') : t(key as 'history.otherField');
}

const ENTRY_FIELDS = new Set([
  'date',
  'time',
  'kind',
  'place',
  'outcome',
  'notes',
  'ruling',
  'includeInReport',
  'sources',
  'reportTexts',
]);

/** Value sets whose codes the interface names: the field, and where their names are. */
const CODED: Readonly<Record<string, string>> = {
  kind: 'cases.kind',
  stage: 'cases.stage',
  proceduralStatus: 'cases.proceduralStatus',
  initiatorType: 'cases.initiatorType',
  verificationStatus: 'cases.verification',
  role: 'cases.role',
  gender: 'cases.gender',
  ruling: 'timeline.ruling',
  reminder: 'deadlines.reminder',
};

function valueText(field: string, value: Value, scope: Scope | 'target', context: Context) {
  const { t, language } = context;
  if (value === undefined || value === null || value === '') return t('history.empty_value');
  if (typeof value === 'boolean') return value ? t('cases.yes') : t('cases.no');
  if (typeof value === 'number')
    return field.endsWith('Kzt') ? `${formatNumber(value, language)} ₸` : formatNumber(value, language);
  if (typeof value === 'object' && typeof (value as { what?: unknown }).what === 'string')
    return `«${(value as { what: string }).what}»`;
  if (typeof value !== 'string') return t('history.changedValue');
  if (scope === 'entry' && field === 'kind') return t(`timeline.kind.${value}` as 'timeline.kind.hearing');
  const coded = CODED[field];
  if (coded !== undefined) return t(`${coded}.${value}` as 'history.otherField');
  if (field === 'region')
    return (REGION_CODES as readonly string[]).includes(value) ? regionName(value, language) : `«${value}»`;
  if (isCivilDate(value)) return formatCivilDate(value, language);
  return value.length > SHOWN_TEXT ? `«${value.slice(0, SHOWN_TEXT - 1)}…»` : `«${value}»`;
}

function listItemText(field: string, item: unknown, { t, language }: Context): string {
  if (field === 'legalBasis' && typeof item === 'object' && item !== null)
    return formatLegalBasis(item as LegalBasis, language);
  if (field === 'participants' && typeof item === 'object' && item !== null) {
    const participant = item as Participant;
    const about = [t(`cases.participantRole.${participant.role}`), participant.organisation].filter(Boolean).join(', ');
    return `«${participant.name}» (${about})`;
  }
  return typeof item === 'string' ? `«${item}»` : '…';
}

function asArray<T = unknown>(value: Value): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function asObject(value: Value): Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, Value>) : {};
}
