import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/agenda/agenda';
import { todayCivil } from '../../shared/domain/civil-date';
import { dropFile } from './drop-file';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

/**
 * The lawyer's screens in the app's three languages (issue 20): History told in people's words
 * with no code, JSON or field id; no ISO or "M12" date on any screen in Russian or Kazakh; date
 * fields that ask for day, month and year; a typed "Алматы" and the listed Almaty one region.
 */

const NAV = {
  en: { cases: 'Cases', today: 'Today', agenda: 'Agenda', reports: 'Reports', settings: 'Settings' },
  ru: { cases: 'Дела', today: 'Сегодня', agenda: 'Календарь', reports: 'Отчёты', settings: 'Настройки' },
  kk: { cases: 'Істер', today: 'Бүгін', agenda: 'Күнтізбе', reports: 'Есептер', settings: 'Баптаулар' },
} as const;

/** What no screen may show a person: ISO dates, Chromium's "M12", codes of our own. */
const ISO_DATE = /\d{4}-\d{2}-\d{2}|\bM\d{1,2}\b|\b\d{4}-Q[1-4]\b/;

async function seed(page: Page): Promise<void> {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  // Two cases: one names the listed Almaty, the other types "Алматы" by hand.
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Иск к «Уральской неделе»');
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'First instance' });
  await page.getByRole('button', { name: 'Add a target' }).click();
  const target = page.getByRole('group', { name: 'Target 1' });
  await target.getByRole('textbox', { name: 'Name' }).fill('Лукпан Ахмедьяров');
  await target.getByRole('textbox', { name: 'Outlet' }).fill('Уральская неделя');
  await target.getByRole('combobox', { name: 'Region' }).fill('Almaty');
  await page.getByRole('textbox', { name: 'Tags' }).fill('аккредитация');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Иск к «Уральской неделе»' })).toBeVisible();

  // The changes History must tell: stage, the target's outlet, tags; an entry, a deadline, a document.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Appeal' });
  await page.getByRole('group', { name: 'Target 1' }).getByRole('textbox', { name: 'Outlet' }).fill('Орда');
  await page.getByRole('textbox', { name: 'Tags' }).fill('аккредитация, клевета');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill(addDays(todayCivil(), 7));
  await page.getByRole('textbox', { name: 'Court or place' }).fill('Специализированный межрайонный суд');
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByRole('button', { name: 'Add an entry' })).toBeVisible();
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('textbox', { name: 'What is due' }).fill('Подать отзыв на иск');
  await page.getByRole('textbox', { name: 'Due date' }).fill(addDays(todayCivil(), -2));
  await page.getByRole('button', { name: 'Save the deadline' }).click();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await dropFile(page, { name: 'Иск.pdf', type: 'application/pdf', size: 40_000, kind: 'pdf' });
  await expect(page.getByRole('cell', { name: 'Иск.pdf', exact: true })).toBeVisible({ timeout: 30_000 });
  // Its kind in words, and its whole SHA-256 on screen and copied by a button the keyboard reaches.
  await expect(page.getByRole('cell', { name: 'PDF document' })).toBeVisible();
  const shown = (await page.locator('code.hash').innerText()).replace(/\s/g, '');
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy the SHA-256 of “Иск.pdf”' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The SHA-256 of “Иск.pdf” was copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  // The document's own date and a description, given afterwards.
  await page.getByRole('button', { name: 'Date and description of “Иск.pdf”' }).click();
  await page.getByRole('textbox', { name: 'Date of the document' }).fill('02.04.2026');
  await page.getByRole('textbox', { name: 'Description' }).fill('Исковое заявление ТОО «Бизнес-Центр»');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The date and description of “Иск.pdf” were saved.')).toBeVisible();
  await expect(page.getByText('Исковое заявление ТОО «Бизнес-Центр»')).toBeVisible();
  await vault.backToList();

  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Дело Ольги Воронко');
  await page.getByRole('button', { name: 'Add a target' }).click();
  const typed = page.getByRole('group', { name: 'Target 1' });
  await typed.getByRole('textbox', { name: 'Name' }).fill('Ольга Воронко');
  await typed.getByRole('combobox', { name: 'Region' }).fill('Алма-Ата');
  // A place on the list under another name is named before saving; the person may keep it typed.
  await expect(page.getByText('“Алма-Ата” is Almaty on the list.')).toBeVisible();
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Дело Ольги Воронко' })).toBeVisible();
  await vault.backToList();
}

test('in en, ru and kk: History reads in people’s words, no screen shows an ISO date, date fields ask day-month-year, one Almaty', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await seed(page);

  // One region however it was typed: the filter lists Almaty once, for both cases.
  await page.getByRole('button', { name: 'Filters' }).click();
  const region = page.getByRole('combobox', { name: 'Region' });
  await expect(region.getByRole('option')).toHaveText(['Any', 'Almaty (2)']);
  await region.selectOption({ label: 'Almaty (2)' });
  await expect(page.getByText('2 cases')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  for (const language of ['en', 'ru', 'kk'] as const) {
    await page.getByRole('combobox', { name: /^(Language|Язык|Тіл)$/ }).selectOption(language);
    const nav = page.getByRole('navigation');
    const main = page.getByRole('main');
    const seen: string[] = [];
    const look = async (where: string) => {
      await page.waitForTimeout(50);
      const text = await main.innerText();
      if (language !== 'en') expect(text, `${language}, ${where}`).not.toMatch(ISO_DATE);
      // Every screen of the lawyer's desk, in every language: no serious or critical axe violation.
      const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) =>
        ['serious', 'critical'].includes(v.impact ?? ''),
      );
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `axe, ${language}, ${where}`,
      ).toEqual([]);
      seen.push(where);
    };

    await nav.getByRole('button', { name: NAV[language].today }).click();
    await look('Today');
    await nav.getByRole('button', { name: NAV[language].agenda }).click();
    await look('Agenda');
    await nav.getByRole('button', { name: NAV[language].reports }).click();
    await look('Reports');
    await nav.getByRole('button', { name: NAV[language].settings }).click();
    await look('Settings');
    await nav.getByRole('button', { name: NAV[language].cases }).click();
    await look('Cases');
    await main.getByRole('button', { name: /^(Filters|Фильтры|Сүзгілер)/ }).click();
    await look('Cases, filters open');
    await main.getByRole('button', { name: /^(Filters|Фильтры|Сүзгілер)/ }).click();
    await main.getByRole('button', { name: /Иск к «Уральской неделе»/ }).click();
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await look(`case tab ${await tab.innerText()}`);
    }

    // History: every line in the interface's language, with no code, JSON or field id.
    const history = await page.getByRole('list', { name: /^(History|История|Тарих)$/ }).innerText();
    expect(history).not.toMatch(/[[\]{}_]|\b[a-z]+-[a-z]+\b|\b(true|false|null|undefined)\b/);
    expect(history).not.toMatch(/\b\d+ B\b/);
    await page.screenshot({ path: test.info().outputPath(`history-${language}.png`) });
    // What the person typed is quoted «…» and may be in any script; the rest is the interface's.
    const told = history.replace(/«[^»]*»/g, '');
    if (language !== 'en') expect(told, `English in the ${language} History`).not.toMatch(/[A-Za-z]{3,}/);
    const said = {
      en: [
        'Document “Иск.pdf” described',
        'Date of the document: (empty) → 2 April 2026',
        'Stage: First instance → Appeal',
        'Лукпан Ахмедьяров — Outlet: «Уральская неделя» → «Орда»',
        'Tags: added «клевета»',
        'Document “Иск.pdf” added, 39.6 KB',
      ],
      ru: [
        'Стадия: Первая инстанция → Апелляция',
        'Лукпан Ахмедьяров — Издание: «Уральская неделя» → «Орда»',
        'Метки: добавлено «клевета»',
        'Добавлен документ «Иск.pdf», 39,6 КБ',
      ],
      kk: ['Лукпан Ахмедьяров —', '«клевета»', '«Иск.pdf» құжаты қосылды, 39,6 КБ'],
    }[language];
    for (const line of said) expect(history).toContain(line);

    // A date field asks for day, month and year in the app's language, and shows them so.
    await page.getByRole('tab').nth(1).click();
    await page.getByRole('button', { name: /^(Add an entry|Добавить событие|Оқиға қосу)$/ }).click();
    const date = page.locator('.date-field input');
    await expect(date).toHaveAttribute(
      'placeholder',
      { en: 'DD/MM/YYYY', ru: 'ДД.ММ.ГГГГ', kk: 'КК.АА.ЖЖЖЖ' }[language],
    );
    const today = todayCivil();
    const shown = [today.slice(8, 10), today.slice(5, 7), today.slice(0, 4)].join(language === 'en' ? '/' : '.');
    await expect(date).toHaveValue(shown);
    await page.getByRole('button', { name: /^(Cancel|Отмена|Бас тарту)$/ }).click();
    expect(
      (await new AxeBuilder({ page }).analyze()).violations.filter((v) =>
        ['serious', 'critical'].includes(v.impact ?? ''),
      ),
      `axe in ${language}`,
    ).toEqual([]);
    await nav.getByRole('button', { name: NAV[language].cases }).click();
    expect(seen.length).toBeGreaterThan(8);
  }
});
