import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { readDocx } from '../fixtures/docx';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';
import { languageOfText } from '../../shared/domain/texts-by-language';

/**
 * The monitor's quarter, as a workflow (issue 19, item 7): sixteen developments of a quarter in
 * the shape of the report's section 2 — ten over the tracked cases they belong to, six recorded as
 * quick developments — each written in English, Russian and Kazakh, then the section exported in
 * all three languages. Every click, fill and choice made is counted; the test prints the UI
 * actions per development, so a change to the workflow shows in the number it leaves behind.
 * (Before texts per language and quick developments: 163 actions, 10.2 per development, for one
 * language — a quarter in three languages took three such passes and two of them outside the app.)
 */
type Texts = { readonly en: string; readonly ru: string; readonly kk: string };
type Development = { readonly case: string; readonly date: string; readonly kind: string; readonly texts: Texts };
type Quick = { readonly date: string; readonly caseKind: string; readonly people: string; readonly texts: Texts };

const CASES: ReadonlyArray<{ readonly title: string; readonly kind: string }> = [
  { title: 'Elmedia: pre-trial claim by Documentolog', kind: 'Pre-trial claim' },
  { title: 'Orda.kz: business reputation lawsuit', kind: 'Civil lawsuit' },
  { title: 'Arai Esenbek: extortion case', kind: 'Criminal case' },
  { title: 'Vadim Boreyko: construction company lawsuit', kind: 'Civil lawsuit' },
];

const DEVELOPMENTS: readonly Development[] = [
  {
    case: CASES[0]!.title,
    date: '2026-04-03',
    kind: 'Claim received',
    texts: {
      en: '[The Elmedia editorial team received a pre-trial claim](https://example.org/w/en/1) from Documentolog LLP.',
      ru: '[Редакция Elmedia получила досудебную претензию](https://example.org/w/ru/1) от ТОО «Documentolog».',
      kk: '[Elmedia редакциясы Documentolog серіктестігінен сотқа дейінгі талап алды](https://example.org/w/kk/1).',
    },
  },
  {
    case: CASES[1]!.title,
    date: '2026-04-08',
    kind: 'Ruling',
    texts: {
      en: '[The appellate court upheld the ruling against Orda.kz](https://example.org/w/en/2).',
      ru: '[Апелляционный суд оставил в силе решение против Orda.kz](https://example.org/w/ru/2).',
      kk: '[Апелляциялық сот Orda.kz басылымына қатысты шешімді өзгеріссіз қалдырды](https://example.org/w/kk/2).',
    },
  },
  {
    case: CASES[2]!.title,
    date: '2026-04-22',
    kind: 'Ruling',
    texts: {
      en: 'In Shymkent, journalist Arai Esenbek [was found guilty of extortion](https://example.org/w/en/3).',
      ru: 'В Шымкенте журналиста Арая Есенбека [признали виновным в вымогательстве](https://example.org/w/ru/3).',
      kk: 'Шымкентте журналист Арай Есенбек [бопсалағаны үшін кінәлі деп танылды](https://example.org/w/kk/3).',
    },
  },
  {
    case: CASES[3]!.title,
    date: '2026-05-05',
    kind: 'Hearing',
    texts: {
      en: 'In Almaty, [the hearing continued](https://example.org/w/en/4) on the lawsuit against journalist Vadim Boreyko.',
      ru: 'В Алматы [продолжилось заседание](https://example.org/w/ru/4) по иску к журналисту Вадиму Борейко.',
      kk: 'Алматыда журналист Вадим Борейкоға қарсы [талап бойынша сот отырысы жалғасты](https://example.org/w/kk/4).',
    },
  },
  {
    case: CASES[0]!.title,
    date: '2026-05-06',
    kind: 'Filing',
    texts: {
      en: 'Elmedia [answered the claim](https://example.org/w/en/5), citing public procurement data.',
      ru: 'Elmedia [ответила на претензию](https://example.org/w/ru/5), сославшись на данные о госзакупках.',
      kk: 'Elmedia мемлекеттік сатып алу деректеріне сілтеме жасап, [талапқа жауап берді](https://example.org/w/kk/5).',
    },
  },
  {
    case: CASES[1]!.title,
    date: '2026-05-12',
    kind: 'Appeal',
    texts: {
      en: 'Orda.kz [filed a cassation appeal](https://example.org/w/en/6).',
      ru: 'Orda.kz [подала кассационную жалобу](https://example.org/w/ru/6).',
      kk: 'Orda.kz [кассациялық шағым берді](https://example.org/w/kk/6).',
    },
  },
  {
    case: CASES[2]!.title,
    date: '2026-05-20',
    kind: 'Appeal',
    texts: {
      en: 'The defence of Arai Esenbek [appealed the sentence](https://example.org/w/en/7).',
      ru: 'Защита Арая Есенбека [обжаловала приговор](https://example.org/w/ru/7).',
      kk: 'Арай Есенбектің қорғаушылары [үкімге шағым түсірді](https://example.org/w/kk/7).',
    },
  },
  {
    case: CASES[3]!.title,
    date: '2026-06-02',
    kind: 'Ruling',
    texts: {
      en: 'The court [refused to close the hearing](https://example.org/w/en/8) in the case of Vadim Boreyko to the press.',
      ru: 'Суд [отказался закрыть заседание](https://example.org/w/ru/8) по делу Вадима Борейко для прессы.',
      kk: 'Сот Вадим Борейко ісі бойынша [отырысты баспасөзге жабудан бас тартты](https://example.org/w/kk/8).',
    },
  },
  {
    case: CASES[2]!.title,
    date: '2026-06-16',
    kind: 'Ruling',
    texts: {
      en: 'The appeal court [upheld the sentence](https://example.org/w/en/9) of Arai Esenbek.',
      ru: 'Апелляционный суд [оставил приговор в силе](https://example.org/w/ru/9).',
      kk: 'Апелляциялық сот [үкімді өзгеріссіз қалдырды](https://example.org/w/kk/9).',
    },
  },
  {
    case: CASES[0]!.title,
    date: '2026-06-23',
    kind: 'Settlement',
    texts: {
      en: 'Documentolog [withdrew its claim](https://example.org/w/en/10) against Elmedia.',
      ru: 'Documentolog [отозвал претензию](https://example.org/w/ru/10) к Elmedia.',
      kk: 'Documentolog Elmedia редакциясына қойған [талабын қайтарып алды](https://example.org/w/kk/10).',
    },
  },
];

const QUICK: readonly Quick[] = [
  {
    date: '2026-04-29',
    caseKind: 'Detention or arrest',
    people: 'Zholdas Orisbay',
    texts: {
      en: '[Astana police found no violations](https://example.org/q/en/1) in the detention of Zholdas Orisbay.',
      ru: '[Полиция Астаны не нашла нарушений](https://example.org/q/ru/1) при задержании Жолдаса Орысбая.',
      kk: '[Астана полициясы Жолдас Орысбайды ұстау кезінде заң бұзушылық таппады](https://example.org/q/kk/1).',
    },
  },
  {
    date: '2026-04-17',
    caseKind: 'Administrative case',
    people: 'Bekbolat Samenov',
    texts: {
      en: 'In the Turkestan Region, [blogger Bekbolat Samenov was detained](https://example.org/q/en/2) for ten days.',
      ru: 'В Туркестанской области [блогера Бекболата Саменова арестовали](https://example.org/q/ru/2) на десять суток.',
      kk: 'Түркістан облысында [блогер Бекболат Сәменов он тәулікке қамалды](https://example.org/q/kk/2).',
    },
  },
  {
    date: '2026-05-08',
    caseKind: 'Interrogation or summons',
    people: 'Olga Voronko',
    texts: {
      en: 'In Pavlodar, [journalist Olga Voronko was summoned for questioning](https://example.org/q/en/3).',
      ru: 'В Павлодаре [журналистку Ольгу Воронко вызвали на допрос](https://example.org/q/ru/3).',
      kk: 'Павлодарда [журналист Ольга Воронко жауап алуға шақырылды](https://example.org/q/kk/3).',
    },
  },
  {
    date: '2026-05-15',
    caseKind: 'Criminal case',
    people: 'Botagoz Omarova',
    texts: {
      en: '[The criminal case against journalist Botagoz Omarova was dismissed](https://example.org/q/en/4).',
      ru: '[Уголовное дело против журналистки Ботагоз Омаровой прекращено](https://example.org/q/ru/4).',
      kk: '[Журналист Ботагөз Омароваға қатысты қылмыстық іс тоқтатылды](https://example.org/q/kk/4).',
    },
  },
  {
    date: '2026-06-09',
    caseKind: 'Civil lawsuit',
    people: 'Uralskaya Nedelya',
    texts: {
      en: '[The court ordered Uralskaya Nedelya to retract a headline](https://example.org/q/en/5).',
      ru: '[Суд обязал «Уральскую неделю» опровергнуть заголовок](https://example.org/q/ru/5).',
      kk: '[Сот «Уральская неделя» басылымын тақырыпты теріске шығаруға міндеттеді](https://example.org/q/kk/5).',
    },
  },
  {
    date: '2026-06-27',
    caseKind: 'Criminal case',
    people: 'Aset Mataev',
    texts: {
      en: '[Journalist Aset Mataev was recognised as a victim](https://example.org/q/en/6) in an assault case.',
      ru: '[Журналиста Асета Матаева признали потерпевшим](https://example.org/q/ru/6) по делу о нападении.',
      kk: '[Журналист Асет Матаев шабуыл туралы іс бойынша жәбірленуші деп танылды](https://example.org/q/kk/6).',
    },
  },
];

/** Each language: its code, its tab (named in itself), and its name in the English interface. */
const LANGUAGES = [
  ['en', 'English', 'English'],
  ['ru', 'Русский', 'Russian'],
  ['kk', 'Қазақша', 'Kazakh'],
] as const;

/** Every action a person takes, counted. */
class Actions {
  count = 0;
  constructor(readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }
  async fill(target: Locator, value: string): Promise<void> {
    this.count += 1;
    await target.fill(value);
  }
  async choose(target: Locator, option: string | { label: string }): Promise<void> {
    this.count += 1;
    await target.selectOption(option);
  }
}

test('a quarter of sixteen developments, tracked and quick, in three languages, recorded and exported three times: UI actions per development', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  const act = new Actions(page);
  /** The paragraph in each language: the form opens on the interface's (English); each other is a tab away. */
  const writeTexts = async (texts: Texts) => {
    for (const [language, tab, name] of LANGUAGES) {
      if (language !== 'en') await act.click(page.getByRole('tab', { name: new RegExp(`^${tab}`) }));
      await act.fill(page.getByRole('textbox', { name: `Report text in ${name}` }), texts[language]);
    }
  };
  for (const item of CASES) {
    await act.click(page.getByRole('button', { name: 'New case' }));
    await act.choose(page.getByRole('combobox', { name: 'Kind of proceeding' }), { label: item.kind });
    await act.fill(page.getByRole('textbox', { name: 'Title', exact: true }), item.title);
    await act.click(page.getByRole('button', { name: 'Save the case' }));
    await expect(page.getByRole('heading', { level: 1, name: item.title })).toBeVisible();
    await act.click(page.getByRole('button', { name: 'All cases' }));
  }
  for (const development of DEVELOPMENTS) {
    await act.click(vault.caseList().getByRole('button', { name: new RegExp(escape(development.case)) }));
    await act.click(page.getByRole('tab', { name: 'Timeline' }));
    await act.click(page.getByRole('button', { name: 'Add an entry' }));
    await act.fill(page.getByRole('textbox', { name: 'Date' }), development.date);
    await act.choose(page.getByRole('combobox', { name: 'What happened' }), { label: development.kind });
    // Written text puts the entry in the report: no box to tick.
    await writeTexts(development.texts);
    await act.click(page.getByRole('button', { name: 'Save the entry' }));
    await expect(page.getByRole('button', { name: 'Add an entry' })).toBeVisible();
    await act.click(page.getByRole('button', { name: 'All cases' }));
  }
  for (const quick of QUICK) {
    await act.click(page.getByRole('button', { name: 'Quick development' }));
    await act.fill(page.getByRole('textbox', { name: 'Date' }), quick.date);
    await act.choose(page.getByRole('combobox', { name: 'Kind of proceeding' }), { label: quick.caseKind });
    await act.fill(page.getByRole('textbox', { name: 'People named' }), quick.people);
    await writeTexts(quick.texts);
    await act.click(page.getByRole('button', { name: 'Save the development' }));
    await expect(page.getByRole('status').filter({ hasText: 'The quick development was recorded.' })).toBeVisible();
  }
  await act.click(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }));
  await act.choose(page.getByRole('combobox', { name: 'Quarter' }), '2026-Q2');
  const total = DEVELOPMENTS.length + QUICK.length;
  for (const [language, tab] of LANGUAGES) {
    await act.click(page.getByRole('radio', { name: new RegExp(`^${tab}`) }));
    // Every development has its text in every language: the count says so, and the export asks nothing.
    await expect(page.getByRole('radio', { name: new RegExp(`^${tab}`) })).toContainText(`${total} of ${total}`);
    await act.click(page.getByRole('button', { name: 'Draft the introduction from the quarter’s figures' }));
    await act.click(page.getByRole('button', { name: /Use this introduction/ }));
    const download = page.waitForEvent('download');
    await act.click(page.getByRole('button', { name: /^Export DOCX/ }));
    const file = await download;
    expect(file.suggestedFilename()).toBe(`legal-pressure-2026-Q2-${language}.docx`);
    const docx = readDocx(new Uint8Array(await readFile((await file.path()) ?? '')));
    const body = docx.paragraphs.filter((p) => p.style === '').map((p) => p.text);
    expect(body.slice(1)).toHaveLength(total);
    // Only this language: its own links, its own words, nothing of the other two.
    expect(docx.hyperlinks.every((h) => h.target?.includes(`/${language}/`))).toBe(true);
    for (const text of body) {
      if (language === 'en') expect(text).not.toMatch(/\p{Script=Cyrillic}/u);
      else expect(languageOfText(text), text).toBe(language);
    }
  }
  const perDevelopment = act.count / total;
  console.log(
    `quarter workflow: ${act.count} UI actions for ${total} developments (${DEVELOPMENTS.length} over ${CASES.length} tracked cases, ${QUICK.length} quick), three languages, three files: ${perDevelopment.toFixed(1)} per development`,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
