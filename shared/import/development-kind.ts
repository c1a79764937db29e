import type { CaseKind } from '../domain/case';
import type { EntryKind } from '../domain/entry';

/**
 * What a published paragraph is about, guessed from its words in any of the three languages:
 * the kind of development and of proceeding an imported development is proposed with (the
 * review shows both and the monitor can change them). Word beginnings, so that Russian and
 * Kazakh endings match; the first rule that matches wins, the more specific first.
 */
const ENTRY_RULES: ReadonlyArray<readonly [EntryKind, RegExp]> = [
  ['referral-to-court', /referred to (?:the )?court|направлен\S* в суд|передан\S* в суд|сотқа жіберіл/u],
  ['settlement', /settlement|mediation|мирово|медиаци|примирени|бітім/u],
  ['appeal', /appeal|cassation|апелляц|кассац|шағым/u],
  [
    'ruling',
    /court (?:ruled|dismissed|upheld|ordered|granted|rejected|found)|found guilty|sentenced|acquitted|суд\S* (?:отклонил|удовлетворил|признал|оставил|обязал|отказал|прекратил)|приговор|оправда|сот\S* (?:шешім|үкім|қанағаттандыр|бас тарт)/u,
  ],
  ['detention', /detain|detention|arrest|задерж|арест|ұстал|қамау/u],
  ['summons', /summon|вызва|вызов|шақыр/u],
  ['interrogation', /questioning|questioned|interrogat|допрос|жауап ал/u],
  ['claim-received', /pre-?(?:trial|litigation) claim|претензи|сотқа дейінгі талап/u],
  ['filing', /filed (?:a )?(?:lawsuit|claim|complaint)|is suing|sued|подал\S* иск|обратил\S* в суд|талап арыз/u],
  ['hearing', /hearing|trial|заседани|судебн\S* процесс|сот отырыс/u],
];

const CASE_RULES: ReadonlyArray<readonly [CaseKind, RegExp]> = [
  ['search-seizure', /\bsearch(?:ed)?\b|seiz|обыск|изъят|тінт/u],
  ['criminal-case', /criminal|уголовн|қылмыстық/u],
  ['administrative-case', /administrative|административн|әкімшілік/u],
  ['detention-arrest', /detain|detention|arrest|задерж|арест|ұстал|қамау/u],
  ['interrogation-summons', /summon|questioning|interrogat|вызва|вызов|допрос|шақыр|жауап ал/u],
  ['pre-trial-claim', /pre-?(?:trial|litigation)|досудебн|претензи|сотқа дейінгі/u],
  ['civil-lawsuit', /lawsuit|\bsu(?:ed|ing)\b|\bclaim|defamation|иск|клевет|талап/u],
];

export function guessEntryKind(text: string): EntryKind {
  const lower = text.toLocaleLowerCase('ru');
  return ENTRY_RULES.find(([, rule]) => rule.test(lower))?.[0] ?? 'other';
}

export function guessCaseKind(text: string): CaseKind {
  const lower = text.toLocaleLowerCase('ru');
  return CASE_RULES.find(([, rule]) => rule.test(lower))?.[0] ?? 'other';
}
