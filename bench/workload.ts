import { CASE_KINDS, emptyCaseFields, type CaseFields } from '../shared/domain/case';
import { emptyEntryFields, ENTRY_KINDS, type EntryFields } from '../shared/domain/entry';
import { NO_TEXTS } from '../shared/domain/texts-by-language';

/**
 * A seeded workload: cases with about five timeline entries each, in the mix the app sees —
 * Russian and Kazakh in Cyrillic, names and outlets in Latin transliteration, case numbers and
 * links. The same seed gives the same cases on every machine.
 */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Бажкенова',
  'Жумагулов',
  'Ахметова',
  'Садыков',
  'Ким',
  'Нурпеисова',
  'Әбішев',
  'Құрманғалиева',
  'Bazhkenova',
  'Zhumagulov',
  'Akhmetova',
  'Sadykov',
  'Nurpeisova',
  'Abishev',
  'Kurmangalieva',
  'Tokayeva',
];
const GIVEN = ['Гульнара', 'Айбек', 'Динара', 'Ерлан', 'Әсел', 'Нұрлан', 'Saule', 'Askar', 'Madina', 'Timur'];
const OUTLETS = [
  'Uralskaya Nedelya',
  'Orda.kz',
  'Vlast.kz',
  'КазТАГ',
  'Радио Азаттык',
  'Жас Алаш',
  'Respublika',
  'Ulysmedia',
];
const COURTS = [
  'Специализированный межрайонный суд по уголовным делам г. Алматы',
  'Есильский районный суд г. Астаны',
  'Уральский городской суд',
  'Алматы қаласының мамандандырылған ауданаралық соты',
  'Медеуский районный суд',
];
const WORDS = [
  'заседание',
  'отложено',
  'иск',
  'клевета',
  'ходатайство',
  'апелляция',
  'приговор',
  'журналист',
  'редакция',
  'публикация',
  'сот',
  'талап',
  'шешім',
  'тергеу',
  'жауапкер',
  'хабарлама',
  'court',
  'hearing',
  'appeal',
  'defamation',
  'summons',
  'interrogation',
  'police',
  'detention',
  'статья',
  'ущерб',
  'моральный',
  'вред',
  'прокуратура',
  'допрос',
  'свидетель',
  'полиция',
  'задержание',
  'сайт',
  'материал',
  'опровержение',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(pick(next, WORDS));
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export type WorkloadCase = { readonly fields: CaseFields; readonly entries: readonly EntryFields[] };

export function workloadCase(next: () => number, index: number): WorkloadCase {
  const surname = pick(next, SURNAMES);
  const outlet = pick(next, OUTLETS);
  const year = 2023 + Math.floor(next() * 4);
  const fields: CaseFields = {
    ...emptyCaseFields(pick(next, CASE_KINDS)),
    title: `${pick(next, ['Иск', 'Дело', 'Іс', 'Claim'])} № ${index}: ${surname} / ${outlet}`,
    targets: [
      {
        id: `t${index}`,
        name: `${pick(next, GIVEN)} ${surname}`,
        role: 'journalist',
        outlet,
        gender: next() < 0.5 ? 'female' : 'male',
        region: pick(next, ['almaty', 'astana', 'west-kazakhstan', 'shymkent']),
        anonymityRequired: next() < 0.05,
      },
    ],
    initiator: {
      name: pick(next, ['Акимат', 'ДП г. Алматы', 'ТОО «Самрук»', 'Прокуратура']),
      type: 'unknown',
      stateActor: false,
    },
    court: pick(next, COURTS),
    caseNumbers: [`${year}-${String(index).padStart(5, '0')}-${Math.floor(next() * 900 + 100)}`],
    summary: `${sentence(next, 40)} ${sentence(next, 30)}`,
    privilegedNotes: sentence(next, 20),
    tags: [pick(next, ['клевета', 'defamation', 'ҚК-274', 'access'])],
  };
  const count = 3 + Math.floor(next() * 5);
  const entries: EntryFields[] = [];
  for (let i = 0; i < count; i += 1) {
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    entries.push({
      ...emptyEntryFields(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
      kind: pick(next, ENTRY_KINDS),
      place: pick(next, COURTS),
      outcome: sentence(next, 12),
      notes: sentence(next, 25),
      reportTexts: { ...NO_TEXTS, ru: `${sentence(next, 20)} [${outlet}](https://example.org/${index}/${i})` },
      includeInReport: next() < 0.8,
    });
  }
  return { fields, entries };
}

/** The fixed query set: Cyrillic, Latin, transliterated, prefixes, two words, and no hits. */
export const QUERIES = [
  'Бажкенова',
  'bazhkenova',
  'Bazhk',
  'Жумагул',
  'zhumagulov',
  'Құрманғалиева',
  'kurmangal',
  'Uralskaya Nedelya',
  'урал',
  'orda',
  'клевета',
  'Медеуский суд',
  'Ахметова Vlast',
  '2025-000',
  'несуществующее',
  'qwertyzzz',
] as const;
