import { describe, expect, it } from 'vitest';
import type { CaseKind } from '../../../../shared/domain/case';
import { draftIntroduction } from '../../../../shared/report/introduction-draft';
import type { ReportLanguage } from '../../../../shared/report/locale';

/** The drafted introduction (issue 19, item 6), against the sentences it must give, in all three languages. */
const stats = (kinds: Partial<Record<CaseKind, number>>, ongoingCases = 0, rulingsForMedia = 0) => ({
  byKind: Object.entries(kinds).map(([kind, n]) => ({ kind: kind as CaseKind, perMonth: [n, 0, 0] })),
  newCases: 0,
  ongoingCases,
  rulingsForMedia,
  byRegion: [],
  previous: null,
});

const TABLE: ReadonlyArray<[string, ReturnType<typeof stats>, Record<ReportLanguage, string>]> = [
  [
    'one development of one kind',
    stats({ 'civil-lawsuit': 1 }),
    {
      en: 'During the reporting period, there were court lawsuits against journalists and bloggers. In total, 1 development was recorded.',
      ru: 'В отчётный период в отношении журналистов и блогеров были зафиксированы судебные иски. Всего зафиксировано событий: 1.',
      kk: 'Есепті кезеңде журналистер мен блогерлерге қатысты сот талап арыздары тіркелді. Барлығы 1 оқиға тіркелді.',
    },
  ],
  [
    'two kinds',
    stats({ 'pre-trial-claim': 2, 'civil-lawsuit': 3 }),
    {
      en: 'During the reporting period, there were court lawsuits and pre-trial claims against journalists and bloggers. In total, 5 developments were recorded (court lawsuits: 3; pre-trial claims: 2).',
      ru: 'В отчётный период в отношении журналистов и блогеров были зафиксированы судебные иски и досудебные претензии. Всего зафиксировано событий: 5 (судебные иски: 3; досудебные претензии: 2).',
      kk: 'Есепті кезеңде журналистер мен блогерлерге қатысты сот талап арыздары және сотқа дейінгі талаптар тіркелді. Барлығы 5 оқиға тіркелді (сот талап арыздары: 3; сотқа дейінгі талаптар: 2).',
    },
  ],
  [
    'the report’s mix, with cases begun before the quarter',
    stats(
      { 'administrative-case': 2, 'criminal-case': 4, 'civil-lawsuit': 6, 'interrogation-summons': 1, other: 3 },
      7,
    ),
    {
      en: 'During the reporting period, there were court lawsuits, criminal cases, interrogations, and administrative prosecutions against journalists and bloggers. In total, 16 developments were recorded (court lawsuits: 6; criminal cases: 4; interrogations: 1; administrative prosecutions: 2). Proceedings continued in 7 cases that had begun before the quarter.',
      ru: 'В отчётный период в отношении журналистов и блогеров были зафиксированы судебные иски, уголовные дела, допросы и административные преследования. Всего зафиксировано событий: 16 (судебные иски: 6; уголовные дела: 4; допросы: 1; административные преследования: 2). Продолжалось производство по делам, начатым до этого квартала: 7.',
      kk: 'Есепті кезеңде журналистер мен блогерлерге қатысты сот талап арыздары, қылмыстық істер, жауапқа шақырулар және әкімшілік қудалаулар тіркелді. Барлығы 16 оқиға тіркелді (сот талап арыздары: 6; қылмыстық істер: 4; жауапқа шақырулар: 1; әкімшілік қудалаулар: 2). Осы тоқсанға дейін басталған істер бойынша іс жүргізу жалғасты: 7.',
    },
  ],
  [
    'rulings for the media',
    stats({ 'civil-lawsuit': 3 }, 0, 2),
    {
      en: 'During the reporting period, there were court lawsuits against journalists and bloggers. In total, 3 developments were recorded. At the same time, 2 court rulings were issued in favour of the media.',
      ru: 'В отчётный период в отношении журналистов и блогеров были зафиксированы судебные иски. Всего зафиксировано событий: 3. Вместе с тем вынесены решения в пользу СМИ: 2.',
      kk: 'Есепті кезеңде журналистер мен блогерлерге қатысты сот талап арыздары тіркелді. Барлығы 3 оқиға тіркелді. Сонымен қатар БАҚ пайдасына 2 сот шешімі шығарылды.',
    },
  ],
  [
    'only developments of no named kind, one case ongoing',
    stats({ other: 2 }, 1),
    {
      en: 'In total, 2 developments were recorded. Proceedings continued in 1 case that had begun before the quarter.',
      ru: 'Всего зафиксировано событий: 2. Продолжалось производство по делам, начатым до этого квартала: 1.',
      kk: 'Барлығы 2 оқиға тіркелді. Осы тоқсанға дейін басталған істер бойынша іс жүргізу жалғасты: 1.',
    },
  ],
];

describe('the drafted introduction', () => {
  it.each(TABLE)('%s', (_name, statistics, expected) => {
    for (const language of ['en', 'ru', 'kk'] as const)
      expect(draftIntroduction(statistics, language), language).toBe(expected[language]);
  });

  it('drafts nothing for a quarter with no development', () => {
    expect(draftIntroduction(stats({}), 'ru')).toBe('');
  });
});
