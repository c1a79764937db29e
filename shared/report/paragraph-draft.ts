import type { CaseKind, CaseRecord, LegalBasis, Target } from '../domain/case';
import type { EntryFields, EntryKind, Ruling } from '../domain/entry';
import { toSafeExternalUrl } from '../security/external-url';
import type { ReportLanguage } from './locale';

/**
 * A drafted report paragraph for a timeline entry, from its case's and its own structured fields,
 * in the report's style ("In Pavlodar, journalist Olga Voronko was summoned for questioning"),
 * with the link on the key phrase. Rule-based templates, ours, one per kind of development the
 * report has; their Russian and Kazakh keep the person's name in the nominative (the subject of
 * the sentence) so that no name is ever declined by a guess, and agree with it: Russian verbs and
 * role nouns by gender ("вызвана", "журналистка"; an outlet is neuter: "издание … вызвано"),
 * Kazakh role nouns in the possessive after an outlet ("… басылымының журналисі"), Kazakh and
 * Russian place names in the locative ("Павлодарда", "в Павлодаре") only where the rule is
 * certain. The monitor reads and edits a draft; it is never used unless they take it.
 */

/** What the templates know of a development. */
export type ParagraphFacts = {
  readonly caseKind: CaseKind;
  readonly entryKind: EntryKind;
  readonly ruling: Ruling;
  readonly place: string;
  readonly court: string;
  /** The person or outlet the development is about: the case's first target. */
  readonly target: Pick<Target, 'name' | 'role' | 'gender' | 'outlet'> | null;
  readonly initiator: string;
  readonly basis: Pick<LegalBasis, 'article' | 'part'> | null;
  /** The first http(s) source: the link on the key phrase. */
  readonly link: string | null;
};

/** The kinds of development the report has, that a paragraph can be drafted for. */
export const DRAFT_EVENTS = [
  'lawsuit-filed',
  'pre-trial-claim',
  'hearing',
  'ruling-for',
  'ruling-against',
  'criminal-opened',
  'criminal-referred',
  'criminal-dismissed',
  'summons',
  'interrogation',
  'administrative-fine',
  'detention',
] as const;
export type DraftEvent = (typeof DRAFT_EVENTS)[number];

export function paragraphFactsOf(
  record: Pick<CaseRecord, 'kind' | 'court' | 'targets' | 'initiator' | 'legalBasis' | 'verification'>,
  entry: EntryFields,
): ParagraphFacts {
  const link =
    [...entry.sources, ...record.verification.sources].find(
      (source) => /^https?:/i.test(source) && toSafeExternalUrl(source) !== null,
    ) ?? null;
  return {
    caseKind: record.kind,
    entryKind: entry.kind,
    ruling: entry.ruling,
    place: entry.place.trim(),
    court: record.court.trim(),
    target: record.targets[0] ?? null,
    initiator: record.initiator.name.trim(),
    basis: record.legalBasis[0] ?? null,
    link,
  };
}

/** Which template a development takes, or null when none fits (the monitor writes it). */
export function draftEventOf(facts: Pick<ParagraphFacts, 'caseKind' | 'entryKind' | 'ruling'>): DraftEvent | null {
  const { caseKind, entryKind, ruling } = facts;
  switch (entryKind) {
    case 'detention':
      return 'detention';
    case 'summons':
      return 'summons';
    case 'interrogation':
      return 'interrogation';
    case 'hearing':
      return 'hearing';
    case 'claim-received':
      return 'pre-trial-claim';
    case 'referral-to-court':
      return caseKind === 'criminal-case' ? 'criminal-referred' : null;
    case 'filing':
      if (caseKind === 'civil-lawsuit') return 'lawsuit-filed';
      if (caseKind === 'pre-trial-claim') return 'pre-trial-claim';
      if (caseKind === 'criminal-case') return 'criminal-opened';
      return null;
    case 'settlement':
      return caseKind === 'criminal-case' ? 'criminal-dismissed' : null;
    case 'ruling':
    case 'appeal':
      if (ruling === 'for-media') return caseKind === 'criminal-case' ? 'criminal-dismissed' : 'ruling-for';
      if (ruling === 'against-media')
        return caseKind === 'administrative-case' ? 'administrative-fine' : 'ruling-against';
      return null;
    case 'other':
      return null;
  }
}

/** The drafted paragraph in a language, or null when no template fits or nobody is named. */
export function draftParagraph(facts: ParagraphFacts, language: ReportLanguage): string | null {
  const event = draftEventOf(facts);
  if (event === null || facts.target === null || facts.target.name.trim() === '') return null;
  const parts = TEMPLATES[language](event, facts);
  const key = facts.link === null ? parts.key : `[${parts.key}](${facts.link})`;
  return capitalise(`${parts.before}${key}${parts.after}`);
}

/** A sentence in three parts: the key phrase carries the link. */
type Parts = { readonly before: string; readonly key: string; readonly after: string };
type Template = (event: DraftEvent, facts: ParagraphFacts) => Parts;

/** The first letter in capitals (it may follow the `[` of the link). */
const capitalise = (text: string) => text.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase());
const WORD = /^[\p{L}-]+$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;

// ——— English ———

const EN_ROLES: Readonly<Record<Target['role'], string>> = {
  journalist: 'journalist',
  editor: 'editor',
  blogger: 'blogger',
  activist: 'activist',
  'media-owner': 'media owner',
  other: '',
  outlet: 'the outlet',
};

const english: Template = (event, facts) => {
  const target = facts.target!;
  const role = EN_ROLES[target.role];
  const who =
    target.role === 'outlet'
      ? `the outlet ${target.name}`
      : `${role ? `${role} ` : ''}${target.name}${target.outlet ? ` of ${target.outlet}` : ''}`;
  const where = WORD.test(facts.place) && !CYRILLIC.test(facts.place) ? `In ${facts.place}, ` : '';
  // Names typed in Cyrillic stay as typed; a court's or place's Russian name is left to the monitor.
  const court = facts.court && !CYRILLIC.test(facts.court) ? facts.court : 'the court';
  const basis = facts.basis
    ? (code: string) =>
        ` under ${facts.basis!.part ? `Part ${facts.basis!.part} of ` : ''}Article ${facts.basis!.article} of the ${code}`
    : () => '';
  switch (event) {
    case 'detention':
      return { before: `${where}${who} `, key: 'was detained', after: '.' };
    case 'summons':
      return { before: `${where}${who} `, key: 'was summoned for questioning', after: '.' };
    case 'interrogation':
      return { before: `${where}${who} `, key: 'was questioned', after: '.' };
    case 'lawsuit-filed':
      return {
        before: `${where}${facts.initiator || 'a plaintiff'} `,
        key: 'filed a lawsuit',
        after: ` against ${who}${court === 'the court' ? '' : ` with ${court}`}.`,
      };
    case 'pre-trial-claim':
      return {
        before: `${where}${who} `,
        key: 'received a pre-trial claim',
        after: `${facts.initiator ? ` from ${facts.initiator}` : ''}.`,
      };
    case 'hearing':
      return { before: `${where}${court} `, key: 'held a hearing', after: ` in the case of ${who}.` };
    case 'ruling-for':
      return { before: `${where}${court} `, key: 'ruled in favour of', after: ` ${who}.` };
    case 'ruling-against':
      return { before: `${where}${court} `, key: 'ruled against', after: ` ${who}.` };
    case 'criminal-opened':
      return {
        before: where,
        key: 'a criminal case was opened',
        after: ` against ${who}${basis('Criminal Code')}.`,
      };
    case 'criminal-referred':
      return { before: `${where}the criminal case against ${who} `, key: 'was referred to court', after: '.' };
    case 'criminal-dismissed':
      return { before: `${where}the criminal case against ${who} `, key: 'was dismissed', after: '.' };
    case 'administrative-fine':
      return {
        before: `${where}${who} `,
        key: 'was found guilty of an administrative offence',
        after: `${basis('Code of Administrative Offences')} and fined.`,
      };
  }
};

// ——— Russian ———

type Gender = 'm' | 'f' | 'n';

/** Role nouns in the nominative, by gender (an unknown gender takes the masculine, as Russian does). */
const RU_ROLES: Readonly<Record<Exclude<Target['role'], 'outlet'>, { readonly m: string; readonly f: string }>> = {
  journalist: { m: 'журналист', f: 'журналистка' },
  editor: { m: 'редактор', f: 'редактор' },
  blogger: { m: 'блогер', f: 'блогер' },
  activist: { m: 'активист', f: 'активистка' },
  'media-owner': { m: 'владелец СМИ', f: 'владелица СМИ' },
  other: { m: '', f: '' },
};

/**
 * "в Павлодаре": the prepositional of a one-word Russian place name where the rule is certain —
 * a consonant takes -е, -а becomes -е, -й becomes -е; a name ending in another vowel (Алматы,
 * Атырау, Актобе) does not change. Anything else (a court's name, a Kazakh spelling): null.
 */
export function russianLocative(place: string): string | null {
  if (!WORD.test(place) || !CYRILLIC.test(place) || KAZAKH_LETTER.test(place)) return null;
  const last = place.slice(-1);
  if (/[бвгджзклмнпрстфхцчшщ]/.test(last)) return `${place}е`;
  if (last === 'а' || last === 'й') return `${place.slice(0, -1)}е`;
  if (/[ыуоеиэю]/.test(last)) return place;
  return null;
}

const russian: Template = (event, facts) => {
  const target = facts.target!;
  const gender: Gender = target.role === 'outlet' ? 'n' : target.gender === 'female' ? 'f' : 'm';
  const agree = (m: string, f: string, n: string) => ({ m, f, n })[gender];
  const who =
    target.role === 'outlet'
      ? `издание «${target.name}»`
      : [
          RU_ROLES[target.role][gender === 'f' ? 'f' : 'm'],
          target.outlet ? `издания «${target.outlet}»` : '',
          target.name,
        ]
          .filter(Boolean)
          .join(' ');
  const locative = russianLocative(facts.place);
  const where = locative === null ? '' : `в ${locative} `;
  const basis = (code: string) =>
    facts.basis
      ? ` по ${facts.basis.part ? `части ${facts.basis.part} статьи` : 'статье'} ${facts.basis.article} ${code}`
      : '';
  const court = (text: (court: string) => string) => (facts.court ? text(facts.court) : '');
  switch (event) {
    case 'detention':
      return { before: `${where}${who} `, key: agree('задержан', 'задержана', 'задержано'), after: '.' };
    case 'summons':
      return {
        before: `${where}${who} `,
        key: `${agree('вызван', 'вызвана', 'вызвано')} на допрос`,
        after: '.',
      };
    case 'interrogation':
      return { before: `${where}${who} `, key: agree('допрошен', 'допрошена', 'допрошено'), after: '.' };
    case 'lawsuit-filed':
      return {
        before: `${where}${who} `,
        key: `${agree('стал', 'стала', 'стало')} ответчиком по иску`,
        after: `${court((c) => `, который рассматривает ${c}`)}${facts.initiator ? `; истец — ${facts.initiator}` : ''}.`,
      };
    case 'pre-trial-claim':
      return {
        before: `${where}${who} `,
        key: `${agree('получил', 'получила', 'получило')} досудебную претензию`,
        after: `${facts.initiator ? `; отправитель — ${facts.initiator}` : ''}.`,
      };
    case 'hearing':
      return {
        before: where,
        key: 'состоялось судебное заседание',
        after: ` по делу, в котором участвует ${who}${court((c) => `; дело рассматривает ${c}`)}.`,
      };
    case 'ruling-for':
      return {
        before: `${where}${who} `,
        key: `${agree('выиграл', 'выиграла', 'выиграло')} дело в суде`,
        after: `${court((c) => `; решение вынес ${c}`)}.`,
      };
    case 'ruling-against':
      return {
        before: `${where}${who} `,
        key: `${agree('проиграл', 'проиграла', 'проиграло')} дело в суде`,
        after: `${court((c) => `; решение вынес ${c}`)}.`,
      };
    case 'criminal-opened':
      return {
        before: `${where}${who} `,
        key: `${agree('стал', 'стала', 'стало')} фигурантом уголовного дела`,
        after: `${basis('УК РК')}.`,
      };
    case 'criminal-referred':
      return {
        before: where,
        key: `уголовное дело, фигурантом которого является ${who}, направлено в суд`,
        after: '.',
      };
    case 'criminal-dismissed':
      return {
        before: where,
        key: `уголовное дело, фигурантом которого ${agree('являлся', 'являлась', 'являлось')} ${who}, прекращено`,
        after: '.',
      };
    case 'administrative-fine':
      return {
        before: `${where}${who} `,
        key: `${agree('признан виновным', 'признана виновной', 'признано виновным')} в административном правонарушении`,
        after: `${basis('КоАП РК')} и ${agree('оштрафован', 'оштрафована', 'оштрафовано')}.`,
      };
  }
};

// ——— Kazakh ———

/** Role nouns: alone, and in the possessive after an outlet ("«…» басылымының журналисі"). */
const KK_ROLES: Readonly<Record<Exclude<Target['role'], 'outlet'>, { readonly alone: string; readonly of: string }>> = {
  journalist: { alone: 'журналист', of: 'журналисі' },
  editor: { alone: 'редактор', of: 'редакторы' },
  blogger: { alone: 'блогер', of: 'блогері' },
  activist: { alone: 'белсенді', of: 'белсендісі' },
  'media-owner': { alone: 'БАҚ иесі', of: 'иесі' },
  other: { alone: '', of: 'өкілі' },
};

const BACK_VOWELS = /[аоұыуя]/;
const FRONT_VOWELS = /[әеөүіиэю]/;

/**
 * "Павлодарда", "Шымкентте", "Ақтөбеде": the locative of a one-word place name by vowel harmony
 * (its last vowel: back -да/-та, front -де/-те) and its last sound (a voiceless consonant takes
 * the т-form). Null for anything that is not one Cyrillic word, or a Russian name in -ск.
 */
export function kazakhLocative(place: string): string | null {
  if (!WORD.test(place) || !CYRILLIC.test(place)) return null;
  const lower = place.toLocaleLowerCase('kk');
  // Russian names in -ск (Уральск, Петропавловск) take a vowel before the ending in speech, not
  // by a rule: the monitor writes those (or the Kazakh name: Орал, Петропавл).
  if (lower.endsWith('ск')) return null;
  const vowels = [...lower].filter((c) => BACK_VOWELS.test(c) || FRONT_VOWELS.test(c));
  const lastVowel = vowels.at(-1);
  if (lastVowel === undefined) return null;
  const front = FRONT_VOWELS.test(lastVowel);
  const voiceless = /[кқпстфхцчшщ]/.test(lower.slice(-1));
  return `${place}${voiceless ? 'т' : 'д'}${front ? 'е' : 'а'}`;
}

const kazakh: Template = (event, facts) => {
  const target = facts.target!;
  const who =
    target.role === 'outlet'
      ? `«${target.name}» басылымы`
      : target.outlet
        ? `«${target.outlet}» басылымының ${KK_ROLES[target.role].of} ${target.name}`
        : [KK_ROLES[target.role].alone, target.name].filter(Boolean).join(' ');
  const locative = kazakhLocative(facts.place);
  const where = locative === null ? '' : `${locative} `;
  const basis = (code: string) =>
    facts.basis
      ? ` (${code} ${facts.basis.article}-бабы${facts.basis.part ? `ның ${facts.basis.part}-бөлігі` : ''})`
      : '';
  const court = (text: (court: string) => string) => (facts.court ? text(facts.court) : '');
  switch (event) {
    case 'detention':
      return { before: `${where}${who} `, key: 'ұсталды', after: '.' };
    case 'summons':
      return { before: `${where}${who} `, key: 'жауап алуға шақырылды', after: '.' };
    case 'interrogation':
      return { before: `${where}${who} `, key: 'тергеушіге жауап берді', after: '.' };
    case 'lawsuit-filed':
      return {
        before: `${where}${who} `,
        key: 'талап арыз бойынша жауапкер болды',
        after: `${court((c) => `, істі ${c} қарайды`)}${facts.initiator ? `; талапкер — ${facts.initiator}` : ''}.`,
      };
    case 'pre-trial-claim':
      return {
        before: `${where}${who} `,
        key: 'сотқа дейінгі талап алды',
        after: `${facts.initiator ? `; жіберуші — ${facts.initiator}` : ''}.`,
      };
    case 'hearing':
      return {
        before: `${where}${who} қатысатын `,
        key: 'іс бойынша сот отырысы өтті',
        after: `${court((c) => `; істі ${c} қарайды`)}.`,
      };
    case 'ruling-for':
      return {
        before: `${where}${who} `,
        key: 'сотта жеңіске жетті',
        after: `${court((c) => `; шешімді ${c} шығарды`)}.`,
      };
    case 'ruling-against':
      return {
        before: `${where}${who} `,
        key: 'сотта жеңіліс тапты',
        after: `${court((c) => `; шешімді ${c} шығарды`)}.`,
      };
    case 'criminal-opened':
      return { before: `${where}${who} `, key: 'қылмыстық істің фигуранты болды', after: `${basis('ҚР ҚК')}.` };
    case 'criminal-referred':
      return { before: `${where}${who} фигуранты болып отырған `, key: 'қылмыстық іс сотқа жолданды', after: '.' };
    case 'criminal-dismissed':
      return { before: `${where}${who} фигуранты болған `, key: 'қылмыстық іс тоқтатылды', after: '.' };
    case 'administrative-fine':
      return {
        before: `${where}${who} `,
        key: 'әкімшілік құқық бұзушылық жасады деп танылып',
        after: `${basis('ҚР ӘҚБтК')}, айыппұл төлеуге міндеттелді.`,
      };
  }
};

const TEMPLATES: Readonly<Record<ReportLanguage, Template>> = { en: english, ru: russian, kk: kazakh };
