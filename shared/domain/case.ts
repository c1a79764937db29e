import { z } from 'zod';
import { toSafeExternalUrl } from '../security/external-url';
import { isCivilDate } from './civil-date';
import { deadlineSchema } from './deadline';

/**
 * The case file: one proceeding against a journalist or a media outlet. Fields follow how
 * press-freedom monitors record legal pressure (kind, targets, initiator, legal basis, outcome,
 * verification) plus what a lawyer needs to run the case (court, numbers, stage, status, notes).
 *
 * Validation messages are i18n keys under `validation.*`, so every surface can say them in the
 * person's language at the field they belong to.
 */

export const CASE_KINDS = [
  'civil-lawsuit',
  'pre-trial-claim',
  'criminal-case',
  'administrative-case',
  'interrogation-summons',
  'detention-arrest',
  'search-seizure',
  'other',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Names of the kinds of proceeding in each language: used by the UI and printed in reports. */
export const CASE_KIND_NAMES: Readonly<Record<'en' | 'ru' | 'kk', Readonly<Record<CaseKind, string>>>> = {
  en: {
    'civil-lawsuit': 'Civil lawsuit',
    'pre-trial-claim': 'Pre-trial claim',
    'criminal-case': 'Criminal case',
    'administrative-case': 'Administrative case',
    'interrogation-summons': 'Interrogation or summons',
    'detention-arrest': 'Detention or arrest',
    'search-seizure': 'Search or seizure',
    other: 'Other',
  },
  ru: {
    'civil-lawsuit': 'Гражданский иск',
    'pre-trial-claim': 'Досудебная претензия',
    'criminal-case': 'Уголовное дело',
    'administrative-case': 'Административное дело',
    'interrogation-summons': 'Допрос или вызов',
    'detention-arrest': 'Задержание или арест',
    'search-seizure': 'Обыск или изъятие',
    other: 'Другое',
  },
  kk: {
    'civil-lawsuit': 'Азаматтық талап арыз',
    'pre-trial-claim': 'Сотқа дейінгі талап',
    'criminal-case': 'Қылмыстық іс',
    'administrative-case': 'Әкімшілік іс',
    'interrogation-summons': 'Жауап алу немесе шақыру',
    'detention-arrest': 'Ұстау немесе қамау',
    'search-seizure': 'Тінту немесе алып қою',
    other: 'Басқа',
  },
};

export const TARGET_ROLES = ['journalist', 'editor', 'blogger', 'outlet', 'media-owner', 'activist', 'other'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** The people on the other side of the table: who decides, who investigates, who accuses or sues. */
export const PARTICIPANT_ROLES = [
  'judge',
  'investigator',
  'prosecutor',
  'opposing-counsel',
  'expert',
  'other',
] as const;

export const INITIATOR_TYPES = [
  'law-enforcement',
  'prosecutor',
  'national-security',
  'akimat-or-state-body',
  'court',
  'official',
  'state-company',
  'private-company',
  'individual',
  'unknown',
] as const;
export type InitiatorType = (typeof INITIATOR_TYPES)[number];

export const LEGAL_CODES = [
  'criminal-code',
  'administrative-offences-code',
  'civil-code',
  'criminal-procedure-code',
  'civil-procedure-code',
  'administrative-procedure-code',
  'other',
] as const;

export const STAGES = [
  'pre-trial-claim',
  'pre-investigation',
  'investigation',
  'first-instance',
  'appeal',
  'cassation',
  'enforcement',
  'settled',
  'closed',
  'other',
] as const;

export const PROCEDURAL_STATUSES = [
  'none',
  'witness',
  'witness-with-right-to-defence',
  'suspect',
  'accused',
  'defendant',
  'respondent',
  'plaintiff',
  'third-party',
  'detainee',
  'convicted',
  'acquitted',
  'other',
] as const;

export const VERIFICATION_STATUSES = ['unverified', 'partly-verified', 'verified'] as const;

const text = (max: number) => z.string().max(max, 'too-long');
const required = (max: number) => z.string().trim().min(1, 'required').max(max, 'too-long');

/** An optional civil date: empty, or a real YYYY-MM-DD day. */
export const optionalDate = z.string().refine((value) => value === '' || isCivilDate(value), 'invalid-date');

/** An optional link: empty, or http, https or mailto. */
export const optionalLink = z
  .string()
  .max(2048, 'too-long')
  .refine((value) => value.trim() === '' || toSafeExternalUrl(value.trim()) !== null, 'invalid-link');

/** A source: free text (a document, an interview) or a link, which must then be http(s) or mailto. */
export const sourceSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(2048, 'too-long')
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) || toSafeExternalUrl(value) !== null, 'invalid-link');

/** Kazakhstani tenge as a whole, non-negative number, or nothing. */
const amountKzt = z
  .number({ error: 'invalid-amount' })
  .int('invalid-amount')
  .min(0, 'invalid-amount')
  .max(1e15, 'invalid-amount')
  .nullable();

export const targetSchema = z.object({
  id: z.string().min(1),
  name: required(300),
  role: z.enum(TARGET_ROLES),
  outlet: text(300),
  gender: z.enum(GENDERS),
  /** A region code from `regions.ts`, or a place in free text. */
  region: text(200),
  anonymityRequired: z.boolean(),
});
export type Target = z.infer<typeof targetSchema>;

/** A participant of the proceeding: a judge, investigator, prosecutor, opposing counsel… with how to reach them. */
export const participantSchema = z.object({
  id: z.string().min(1),
  name: required(300),
  role: z.enum(PARTICIPANT_ROLES),
  organisation: text(300),
  /** Phone, e-mail, office: free text, as a lawyer notes them. */
  contacts: text(500),
});
export type Participant = z.infer<typeof participantSchema>;

export const legalBasisSchema = z.object({
  code: z.enum(LEGAL_CODES),
  article: required(40),
  part: text(40),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** One recorded change: what changed, when, with the values before and after. */
export const historyEventSchema = z.object({
  at: z.string(),
  action: z.enum([
    'case-created',
    'case-updated',
    'entry-added',
    'entry-updated',
    'entry-deleted',
    'deadline-added',
    'deadline-updated',
    'deadline-deleted',
    'attachment-added',
    'attachment-updated',
    'attachment-deleted',
    'merged',
  ]),
  /** For entry events: which entry. */
  entryId: z.string().optional(),
  /** For deadline and document events: which one (a merge uses these to honour deletions). */
  deadlineId: z.string().optional(),
  attachmentId: z.string().optional(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

/** What a person edits: the case without its bookkeeping. */
export const caseFieldsSchema = z.object({
  kind: z.enum(CASE_KINDS),
  title: required(500),
  targets: z.array(targetSchema).max(200),
  initiator: z.object({
    name: text(300),
    type: z.enum(INITIATOR_TYPES),
    stateActor: z.boolean(),
  }),
  publication: z.object({
    title: text(500),
    date: optionalDate,
    url: optionalLink,
  }),
  legalBasis: z.array(legalBasisSchema).max(50),
  court: text(300),
  participants: z.array(participantSchema).max(100),
  caseNumbers: z.array(required(100)).max(50),
  stage: z.enum(STAGES),
  proceduralStatus: z.enum(PROCEDURAL_STATUSES),
  claimedKzt: amountKzt,
  awardedKzt: amountKzt,
  outcome: text(5_000),
  verification: z.object({
    status: z.enum(VERIFICATION_STATUSES),
    sources: z.array(sourceSchema).max(100),
  }),
  summary: text(20_000),
  /** Privileged notes: never exported, never leave the vault. */
  privilegedNotes: text(100_000),
  tags: z.array(z.string().trim().min(1, 'required').max(60, 'too-long')).max(50),
});
export type CaseFields = z.infer<typeof caseFieldsSchema>;

export const caseRecordSchema = caseFieldsSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(historyEventSchema),
  /** Deadlines are edited on their own, not through the case form. */
  deadlines: z.array(deadlineSchema).default([]),
  /**
   * A quick development: one news item recorded without a tracked case (its fields hold the
   * people and outlets named, its one entry the development). It can become a case, or be
   * attached to one (its entry moves there).
   */
  quick: z.boolean().default(false),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

/** A blank case of a kind, as the "New case" form starts. */
export function emptyCaseFields(kind: CaseKind = 'civil-lawsuit'): CaseFields {
  return {
    kind,
    title: '',
    targets: [],
    initiator: { name: '', type: 'unknown', stateActor: false },
    publication: { title: '', date: '', url: '' },
    legalBasis: [],
    court: '',
    participants: [],
    caseNumbers: [],
    stage: 'other',
    proceduralStatus: 'none',
    claimedKzt: null,
    awardedKzt: null,
    outcome: '',
    verification: { status: 'unverified', sources: [] },
    summary: '',
    privilegedNotes: '',
    tags: [],
  };
}

/** Initiator types that are the state by definition; the form pre-ticks "state actor" for them. */
export const STATE_INITIATORS: readonly InitiatorType[] = INITIATOR_TYPES.filter(
  (type) => type !== 'private-company' && type !== 'individual' && type !== 'unknown',
);

/** The editable fields of a stored case (without its bookkeeping). */
export function caseFieldsOf(record: CaseRecord): CaseFields {
  const { createdAt, updatedAt, history, deadlines, quick, ...fields } = record;
  return fields;
}
