import type { CaseKind } from '../domain/case';
import type { SectionStatistics } from './legal-pressure-section';
import type { ReportLanguage } from './locale';

/**
 * A drafted introduction for the section, from the quarter's figures, in the report's style
 * ("During the reporting period, there were court lawsuits, pre-trial claims, criminal cases…").
 * Rule-based, ours: the kinds named in a fixed order, then the counts. Counts stand after a colon
 * ("событий: 16"), where Russian needs no numeral agreement; Kazakh puts a singular noun after a
 * numeral ("16 оқиға"). The monitor reads and edits it before it is used; it is never exported
 * unless they take it.
 */

/** The kinds as the report's introduction names them (plural), in the order it lists them. */
const NAMED: Readonly<Record<ReportLanguage, Readonly<Record<Exclude<CaseKind, 'other'>, string>>>> = {
  en: {
    'civil-lawsuit': 'court lawsuits',
    'pre-trial-claim': 'pre-trial claims',
    'criminal-case': 'criminal cases',
    'interrogation-summons': 'interrogations',
    'administrative-case': 'administrative prosecutions',
    'detention-arrest': 'detentions and arrests',
    'search-seizure': 'searches and seizures',
  },
  ru: {
    'civil-lawsuit': 'судебные иски',
    'pre-trial-claim': 'досудебные претензии',
    'criminal-case': 'уголовные дела',
    'interrogation-summons': 'допросы',
    'administrative-case': 'административные преследования',
    'detention-arrest': 'задержания и аресты',
    'search-seizure': 'обыски и изъятия',
  },
  kk: {
    'civil-lawsuit': 'сот талап арыздары',
    'pre-trial-claim': 'сотқа дейінгі талаптар',
    'criminal-case': 'қылмыстық істер',
    'interrogation-summons': 'жауапқа шақырулар',
    'administrative-case': 'әкімшілік қудалаулар',
    'detention-arrest': 'ұстаулар мен қамаулар',
    'search-seizure': 'тінтулер мен алып қоюлар',
  },
};
const ORDER = Object.keys(NAMED.en) as Array<Exclude<CaseKind, 'other'>>;

const SENTENCES: Readonly<
  Record<
    ReportLanguage,
    {
      readonly kinds: (list: string) => string;
      readonly total: (count: number, parts: string) => string;
      readonly ongoing: (count: number) => string;
      readonly forMedia: (count: number) => string;
      readonly and: string;
      readonly serialComma: boolean;
    }
  >
> = {
  en: {
    kinds: (list) => `During the reporting period, there were ${list} against journalists and bloggers.`,
    total: (count, parts) =>
      `In total, ${count} ${count === 1 ? 'development was' : 'developments were'} recorded${parts ? ` (${parts})` : ''}.`,
    ongoing: (count) =>
      `Proceedings continued in ${count} ${count === 1 ? 'case' : 'cases'} that had begun before the quarter.`,
    forMedia: (count) =>
      `At the same time, ${count} court ${count === 1 ? 'ruling was' : 'rulings were'} issued in favour of the media.`,
    and: 'and',
    serialComma: true,
  },
  ru: {
    kinds: (list) => `В отчётный период в отношении журналистов и блогеров были зафиксированы ${list}.`,
    total: (count, parts) => `Всего зафиксировано событий: ${count}${parts ? ` (${parts})` : ''}.`,
    ongoing: (count) => `Продолжалось производство по делам, начатым до этого квартала: ${count}.`,
    forMedia: (count) => `Вместе с тем вынесены решения в пользу СМИ: ${count}.`,
    and: 'и',
    serialComma: false,
  },
  kk: {
    kinds: (list) => `Есепті кезеңде журналистер мен блогерлерге қатысты ${list} тіркелді.`,
    total: (count, parts) => `Барлығы ${count} оқиға тіркелді${parts ? ` (${parts})` : ''}.`,
    ongoing: (count) => `Осы тоқсанға дейін басталған істер бойынша іс жүргізу жалғасты: ${count}.`,
    forMedia: (count) => `Сонымен қатар БАҚ пайдасына ${count} сот шешімі шығарылды.`,
    and: 'және',
    serialComma: false,
  },
};

/** The drafted introduction of a quarter from its statistics (see `buildSectionModel`); '' when it has none. */
export function draftIntroduction(statistics: SectionStatistics, language: ReportLanguage): string {
  const counts = new Map(statistics.byKind.map((row) => [row.kind, row.perMonth.reduce((a, b) => a + b, 0)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return '';
  const sentences = SENTENCES[language];
  const present = ORDER.filter((kind) => (counts.get(kind) ?? 0) > 0);
  const parts = present.map((kind) => `${NAMED[language][kind]}: ${counts.get(kind)}`).join('; ');
  const text = [
    present.length > 0
      ? sentences.kinds(
          listOf(
            present.map((kind) => NAMED[language][kind]),
            language,
          ),
        )
      : '',
    sentences.total(total, present.length > 1 ? parts : ''),
    statistics.rulingsForMedia > 0 ? sentences.forMedia(statistics.rulingsForMedia) : '',
    statistics.ongoingCases > 0 ? sentences.ongoing(statistics.ongoingCases) : '',
  ];
  return text.filter(Boolean).join(' ');
}

/** "a, b and c" in the language's way (English with a serial comma, as the report writes it). */
function listOf(items: readonly string[], language: ReportLanguage): string {
  const { and, serialComma } = SENTENCES[language];
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${and} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}${serialComma ? ',' : ''} ${and} ${items.at(-1)}`;
}
