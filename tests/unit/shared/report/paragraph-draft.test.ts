import { describe, expect, it } from 'vitest';
import {
  draftEventOf,
  draftParagraph,
  kazakhLocative,
  paragraphFactsOf,
  russianLocative,
  DRAFT_EVENTS,
  type DraftEvent,
  type ParagraphFacts,
} from '../../../../shared/report/paragraph-draft';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import { emptyEntryFields } from '../../../../shared/domain/entry';

/** What a development is, in the fields the monitor fills, for each template. */
const EVENTS: Record<DraftEvent, Pick<ParagraphFacts, 'caseKind' | 'entryKind' | 'ruling'>> = {
  'lawsuit-filed': { caseKind: 'civil-lawsuit', entryKind: 'filing', ruling: 'none' },
  'pre-trial-claim': { caseKind: 'pre-trial-claim', entryKind: 'claim-received', ruling: 'none' },
  hearing: { caseKind: 'civil-lawsuit', entryKind: 'hearing', ruling: 'none' },
  'ruling-for': { caseKind: 'civil-lawsuit', entryKind: 'ruling', ruling: 'for-media' },
  'ruling-against': { caseKind: 'civil-lawsuit', entryKind: 'ruling', ruling: 'against-media' },
  'criminal-opened': { caseKind: 'criminal-case', entryKind: 'filing', ruling: 'none' },
  'criminal-referred': { caseKind: 'criminal-case', entryKind: 'referral-to-court', ruling: 'none' },
  'criminal-dismissed': { caseKind: 'criminal-case', entryKind: 'ruling', ruling: 'for-media' },
  summons: { caseKind: 'interrogation-summons', entryKind: 'summons', ruling: 'none' },
  interrogation: { caseKind: 'interrogation-summons', entryKind: 'interrogation', ruling: 'none' },
  'administrative-fine': { caseKind: 'administrative-case', entryKind: 'ruling', ruling: 'against-media' },
  detention: { caseKind: 'detention-arrest', entryKind: 'detention', ruling: 'none' },
};

const FEMALE = { name: 'Ольга Воронко', role: 'journalist', gender: 'female', outlet: 'Уральская неделя' } as const;
const MALE = { name: 'Вадим Борейко', role: 'blogger', gender: 'male', outlet: '' } as const;
const L = '(https://example.org/x)';

function facts(event: DraftEvent, target: ParagraphFacts['target']): ParagraphFacts {
  return {
    ...EVENTS[event],
    place: 'Павлодар',
    court: 'Павлодарский городской суд',
    target,
    initiator: 'ТОО «Стройинвест»',
    basis: { article: '274', part: '2' },
    link: 'https://example.org/x',
  };
}

/** Each template, for a woman journalist of an outlet and a man blogger: English, Russian, Kazakh. */
const TABLE: ReadonlyArray<[DraftEvent, 'female' | 'male', string, string, string]> = [
  [
    'lawsuit-filed',
    'female',
    `ТОО «Стройинвест» [filed a lawsuit]${L} against journalist Ольга Воронко of Уральская неделя.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [стала ответчиком по иску]${L}, который рассматривает Павлодарский городской суд; истец — ТОО «Стройинвест».`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [талап арыз бойынша жауапкер болды]${L}, істі Павлодарский городской суд қарайды; талапкер — ТОО «Стройинвест».`,
  ],
  [
    'lawsuit-filed',
    'male',
    `ТОО «Стройинвест» [filed a lawsuit]${L} against blogger Вадим Борейко.`,
    `В Павлодаре блогер Вадим Борейко [стал ответчиком по иску]${L}, который рассматривает Павлодарский городской суд; истец — ТОО «Стройинвест».`,
    `Павлодарда блогер Вадим Борейко [талап арыз бойынша жауапкер болды]${L}, істі Павлодарский городской суд қарайды; талапкер — ТОО «Стройинвест».`,
  ],
  [
    'pre-trial-claim',
    'female',
    `Journalist Ольга Воронко of Уральская неделя [received a pre-trial claim]${L} from ТОО «Стройинвест».`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [получила досудебную претензию]${L}; отправитель — ТОО «Стройинвест».`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [сотқа дейінгі талап алды]${L}; жіберуші — ТОО «Стройинвест».`,
  ],
  [
    'pre-trial-claim',
    'male',
    `Blogger Вадим Борейко [received a pre-trial claim]${L} from ТОО «Стройинвест».`,
    `В Павлодаре блогер Вадим Борейко [получил досудебную претензию]${L}; отправитель — ТОО «Стройинвест».`,
    `Павлодарда блогер Вадим Борейко [сотқа дейінгі талап алды]${L}; жіберуші — ТОО «Стройинвест».`,
  ],
  [
    'hearing',
    'female',
    `The court [held a hearing]${L} in the case of journalist Ольга Воронко of Уральская неделя.`,
    `В Павлодаре [состоялось судебное заседание]${L} по делу, в котором участвует журналистка издания «Уральская неделя» Ольга Воронко; дело рассматривает Павлодарский городской суд.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко қатысатын [іс бойынша сот отырысы өтті]${L}; істі Павлодарский городской суд қарайды.`,
  ],
  [
    'hearing',
    'male',
    `The court [held a hearing]${L} in the case of blogger Вадим Борейко.`,
    `В Павлодаре [состоялось судебное заседание]${L} по делу, в котором участвует блогер Вадим Борейко; дело рассматривает Павлодарский городской суд.`,
    `Павлодарда блогер Вадим Борейко қатысатын [іс бойынша сот отырысы өтті]${L}; істі Павлодарский городской суд қарайды.`,
  ],
  [
    'ruling-for',
    'female',
    `The court [ruled in favour of]${L} journalist Ольга Воронко of Уральская неделя.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [выиграла дело в суде]${L}; решение вынес Павлодарский городской суд.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [сотта жеңіске жетті]${L}; шешімді Павлодарский городской суд шығарды.`,
  ],
  [
    'ruling-for',
    'male',
    `The court [ruled in favour of]${L} blogger Вадим Борейко.`,
    `В Павлодаре блогер Вадим Борейко [выиграл дело в суде]${L}; решение вынес Павлодарский городской суд.`,
    `Павлодарда блогер Вадим Борейко [сотта жеңіске жетті]${L}; шешімді Павлодарский городской суд шығарды.`,
  ],
  [
    'ruling-against',
    'female',
    `The court [ruled against]${L} journalist Ольга Воронко of Уральская неделя.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [проиграла дело в суде]${L}; решение вынес Павлодарский городской суд.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [сотта жеңіліс тапты]${L}; шешімді Павлодарский городской суд шығарды.`,
  ],
  [
    'ruling-against',
    'male',
    `The court [ruled against]${L} blogger Вадим Борейко.`,
    `В Павлодаре блогер Вадим Борейко [проиграл дело в суде]${L}; решение вынес Павлодарский городской суд.`,
    `Павлодарда блогер Вадим Борейко [сотта жеңіліс тапты]${L}; шешімді Павлодарский городской суд шығарды.`,
  ],
  [
    'criminal-opened',
    'female',
    `[A criminal case was opened]${L} against journalist Ольга Воронко of Уральская неделя under Part 2 of Article 274 of the Criminal Code.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [стала фигурантом уголовного дела]${L} по части 2 статьи 274 УК РК.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [қылмыстық істің фигуранты болды]${L} (ҚР ҚК 274-бабының 2-бөлігі).`,
  ],
  [
    'criminal-opened',
    'male',
    `[A criminal case was opened]${L} against blogger Вадим Борейко under Part 2 of Article 274 of the Criminal Code.`,
    `В Павлодаре блогер Вадим Борейко [стал фигурантом уголовного дела]${L} по части 2 статьи 274 УК РК.`,
    `Павлодарда блогер Вадим Борейко [қылмыстық істің фигуранты болды]${L} (ҚР ҚК 274-бабының 2-бөлігі).`,
  ],
  [
    'criminal-referred',
    'female',
    `The criminal case against journalist Ольга Воронко of Уральская неделя [was referred to court]${L}.`,
    `В Павлодаре [уголовное дело, фигурантом которого является журналистка издания «Уральская неделя» Ольга Воронко, направлено в суд]${L}.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко фигуранты болып отырған [қылмыстық іс сотқа жолданды]${L}.`,
  ],
  [
    'criminal-referred',
    'male',
    `The criminal case against blogger Вадим Борейко [was referred to court]${L}.`,
    `В Павлодаре [уголовное дело, фигурантом которого является блогер Вадим Борейко, направлено в суд]${L}.`,
    `Павлодарда блогер Вадим Борейко фигуранты болып отырған [қылмыстық іс сотқа жолданды]${L}.`,
  ],
  [
    'criminal-dismissed',
    'female',
    `The criminal case against journalist Ольга Воронко of Уральская неделя [was dismissed]${L}.`,
    `В Павлодаре [уголовное дело, фигурантом которого являлась журналистка издания «Уральская неделя» Ольга Воронко, прекращено]${L}.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко фигуранты болған [қылмыстық іс тоқтатылды]${L}.`,
  ],
  [
    'criminal-dismissed',
    'male',
    `The criminal case against blogger Вадим Борейко [was dismissed]${L}.`,
    `В Павлодаре [уголовное дело, фигурантом которого являлся блогер Вадим Борейко, прекращено]${L}.`,
    `Павлодарда блогер Вадим Борейко фигуранты болған [қылмыстық іс тоқтатылды]${L}.`,
  ],
  [
    'summons',
    'female',
    `Journalist Ольга Воронко of Уральская неделя [was summoned for questioning]${L}.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [вызвана на допрос]${L}.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [жауап алуға шақырылды]${L}.`,
  ],
  [
    'summons',
    'male',
    `Blogger Вадим Борейко [was summoned for questioning]${L}.`,
    `В Павлодаре блогер Вадим Борейко [вызван на допрос]${L}.`,
    `Павлодарда блогер Вадим Борейко [жауап алуға шақырылды]${L}.`,
  ],
  [
    'interrogation',
    'female',
    `Journalist Ольга Воронко of Уральская неделя [was questioned]${L}.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [допрошена]${L}.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [тергеушіге жауап берді]${L}.`,
  ],
  [
    'interrogation',
    'male',
    `Blogger Вадим Борейко [was questioned]${L}.`,
    `В Павлодаре блогер Вадим Борейко [допрошен]${L}.`,
    `Павлодарда блогер Вадим Борейко [тергеушіге жауап берді]${L}.`,
  ],
  [
    'administrative-fine',
    'female',
    `Journalist Ольга Воронко of Уральская неделя [was found guilty of an administrative offence]${L} under Part 2 of Article 274 of the Code of Administrative Offences and fined.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [признана виновной в административном правонарушении]${L} по части 2 статьи 274 КоАП РК и оштрафована.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [әкімшілік құқық бұзушылық жасады деп танылып]${L} (ҚР ӘҚБтК 274-бабының 2-бөлігі), айыппұл төлеуге міндеттелді.`,
  ],
  [
    'administrative-fine',
    'male',
    `Blogger Вадим Борейко [was found guilty of an administrative offence]${L} under Part 2 of Article 274 of the Code of Administrative Offences and fined.`,
    `В Павлодаре блогер Вадим Борейко [признан виновным в административном правонарушении]${L} по части 2 статьи 274 КоАП РК и оштрафован.`,
    `Павлодарда блогер Вадим Борейко [әкімшілік құқық бұзушылық жасады деп танылып]${L} (ҚР ӘҚБтК 274-бабының 2-бөлігі), айыппұл төлеуге міндеттелді.`,
  ],
  [
    'detention',
    'female',
    `Journalist Ольга Воронко of Уральская неделя [was detained]${L}.`,
    `В Павлодаре журналистка издания «Уральская неделя» Ольга Воронко [задержана]${L}.`,
    `Павлодарда «Уральская неделя» басылымының журналисі Ольга Воронко [ұсталды]${L}.`,
  ],
  [
    'detention',
    'male',
    `Blogger Вадим Борейко [was detained]${L}.`,
    `В Павлодаре блогер Вадим Борейко [задержан]${L}.`,
    `Павлодарда блогер Вадим Борейко [ұсталды]${L}.`,
  ],
];

describe('drafted paragraphs', () => {
  it('the table covers every template, each with a woman and a man', () => {
    expect(new Set(TABLE.map(([event, gender]) => `${event}/${gender}`)).size).toBe(DRAFT_EVENTS.length * 2);
  });

  it.each(TABLE)('%s (%s target)', (event, gender, en, ru, kk) => {
    const draft = facts(event, gender === 'female' ? FEMALE : MALE);
    expect(draftEventOf(draft)).toBe(event);
    expect(draftParagraph(draft, 'en')).toBe(en);
    expect(draftParagraph(draft, 'ru')).toBe(ru);
    expect(draftParagraph(draft, 'kk')).toBe(kk);
  });

  it('an outlet is the subject in its own right: neuter in Russian, «…» басылымы in Kazakh', () => {
    const outlet = { name: 'Orda.kz', role: 'outlet', gender: 'unknown', outlet: '' } as const;
    const summons = { ...facts('summons', outlet), place: '', link: null };
    expect(draftParagraph(summons, 'en')).toBe('The outlet Orda.kz was summoned for questioning.');
    expect(draftParagraph(summons, 'ru')).toBe('Издание «Orda.kz» вызвано на допрос.');
    expect(draftParagraph(summons, 'kk')).toBe('«Orda.kz» басылымы жауап алуға шақырылды.');
    expect(draftParagraph({ ...facts('ruling-for', outlet), place: 'Astana', court: 'Astana City Court' }, 'en')).toBe(
      `In Astana, Astana City Court [ruled in favour of]${L} the outlet Orda.kz.`,
    );
  });

  it('drafts nothing it cannot say: no template for the development, or nobody named', () => {
    expect(draftParagraph({ ...facts('summons', MALE), entryKind: 'other' }, 'ru')).toBeNull();
    expect(draftParagraph({ ...facts('ruling-for', MALE), ruling: 'none' }, 'kk')).toBeNull();
    expect(draftParagraph(facts('detention', null), 'en')).toBeNull();
  });

  it.each([
    ['Павлодар', 'Павлодаре', 'Павлодарда'],
    ['Шымкент', 'Шымкенте', 'Шымкентте'],
    ['Астана', 'Астане', 'Астанада'],
    ['Алматы', 'Алматы', 'Алматыда'],
    ['Актобе', 'Актобе', 'Актобеде'],
    ['Атырау', 'Атырау', 'Атырауда'],
    ['Семей', 'Семее', 'Семейде'],
    ['Усть-Каменогорск', 'Усть-Каменогорске', null],
    ['Ақтөбе', null, 'Ақтөбеде'],
    ['Түркістан', null, 'Түркістанда'],
    ['Медеуский районный суд', null, null],
    ['Almaty', null, null],
  ] as const)('the locative of %s: в %s, %s', (place, ru, kk) => {
    expect(russianLocative(place)).toBe(ru);
    expect(kazakhLocative(place)).toBe(kk);
  });

  it('takes its facts from the case and the entry: first target, court, initiator, first article, first web source', () => {
    const record = caseRecordSchema.parse({
      ...emptyCaseFields('criminal-case'),
      title: 'Дело',
      court: 'Суд №2 Бостандыкского района',
      targets: [
        {
          id: 't',
          name: 'Гүлнар Бажкенова',
          role: 'editor',
          gender: 'female',
          outlet: 'Orda.kz',
          region: '',
          anonymityRequired: false,
        },
      ],
      initiator: { name: 'Freedom Finance', type: 'private-company', stateActor: false },
      legalBasis: [{ code: 'criminal-code', article: '274', part: '4' }],
      verification: { status: 'verified', sources: ['Интервью адвоката', 'https://example.org/case'] },
      createdAt: 'a',
      updatedAt: 'b',
      history: [],
    });
    const entry = {
      ...emptyEntryFields('2026-06-16'),
      kind: 'referral-to-court' as const,
      place: 'Алматы',
      sources: ['javascript:alert(1)'],
    };
    const draft = paragraphFactsOf(record, entry);
    expect(draft.link).toBe('https://example.org/case');
    expect(draftParagraph(draft, 'ru')).toBe(
      'В Алматы [уголовное дело, фигурантом которого является редактор издания «Orda.kz» Гүлнар Бажкенова, направлено в суд](https://example.org/case).',
    );
  });
});
