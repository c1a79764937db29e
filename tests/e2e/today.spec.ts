import AxeBuilder from '@axe-core/playwright';
import { agendaGroup, addDays, weekStart } from '../../shared/agenda/agenda';
import { formatCivilDate } from '../../shared/app/date-format';
import { todayCivil } from '../../shared/domain/civil-date';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

/**
 * The lawyer's first screen (issue 20, item 1): after unlock, what is overdue, today, this week
 * and next (by calendar week), each with its case; a deadline marked done there leaves the list
 * and its case's history says so.
 */
test('after unlock, Today lists an overdue deadline, today’s hearing and next week’s deadline with their cases; marking one done removes it and records it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const today = todayCivil();
  const overdueDay = addDays(today, -3);
  const nextWeekDay = addDays(weekStart(today), 9); // Wednesday of next week
  expect(agendaGroup(nextWeekDay, today)).toBe('next-week');
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();

  const addDeadline = async (title: string, what: string, due: string) => {
    await vault.addCase({ title });
    await vault.openCase(title);
    await page.getByRole('tab', { name: 'Deadlines' }).click();
    await page.getByRole('textbox', { name: 'What is due' }).fill(what);
    await page.getByRole('textbox', { name: 'Due date' }).fill(due);
    await page.getByRole('button', { name: 'Save the deadline' }).click();
    await expect(page.getByRole('list', { name: 'Deadlines' }).getByText(what)).toBeVisible();
    await vault.backToList();
  };
  await addDeadline('Иск к «Уральской неделе»', 'Подать апелляционную жалобу', overdueDay);
  await addDeadline('Дело Ольги Воронко', 'Ответ на претензию', nextWeekDay);
  await vault.addCase({ title: 'Дело Асета Матаева' });
  await vault.openCase('Дело Асета Матаева');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill(today);
  await page.getByRole('textbox', { name: 'Time (optional)' }).fill('16:00');
  await page.getByRole('textbox', { name: 'Court or place' }).fill('Медеуский районный суд');
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByRole('button', { name: 'Add an entry' })).toBeVisible();

  await vault.lock();
  await vault.unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(formatCivilDate(today, 'en', { weekday: true }))).toBeVisible();

  const row = (group: string, text: string) =>
    page
      .getByRole('region', { name: new RegExp(`^${group}`) })
      .getByRole('listitem')
      .filter({ hasText: text });
  const overdue = row('Overdue', 'Подать апелляционную жалобу');
  await expect(overdue.getByRole('button', { name: 'Иск к «Уральской неделе»' })).toBeVisible();
  await expect(overdue).toContainText(formatCivilDate(overdueDay, 'en', { weekday: true, year: false }));
  const hearing = row('Today', 'Медеуский районный суд');
  await expect(hearing).toContainText('16:00');
  await expect(hearing.getByRole('button', { name: 'Дело Асета Матаева' })).toBeVisible();
  const next = row('Next week', 'Ответ на претензию');
  await expect(next.getByRole('button', { name: 'Дело Ольги Воронко' })).toBeVisible();

  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) =>
      ['serious', 'critical'].includes(v.impact ?? ''),
    ),
  ).toEqual([]);

  await overdue.getByRole('button', { name: 'Mark done: Подать апелляционную жалобу' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is marked done' })).toBeAttached();
  await expect(row('Overdue', 'Подать апелляционную жалобу')).toHaveCount(0);
  await expect(row('Next week', 'Ответ на претензию')).toBeVisible();

  // The case's history records it; "Cases" shows the list, not the last case.
  await row('Today', 'Медеуский районный суд').getByRole('button', { name: 'Дело Асета Матаева' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Дело Асета Матаева' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await vault.openCase('Иск к «Уральской неделе»');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'History' })).toContainText(
    'Deadline “Подать апелляционную жалобу” marked done',
  );
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await expect(
    page.getByRole('list', { name: 'Deadlines' }).getByRole('checkbox', { name: /Подать апелляционную жалобу/ }),
  ).toBeChecked();
});

for (const [language, title] of [
  ['ru', 'Сегодня'],
  ['kk', 'Бүгін'],
] as const) {
  test(`Today in ${language}: dates with our own weekday and month names, no ISO date, no axe violations`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const vault = new VaultPage(page);
    await vault.open();
    await vault.create();
    await vault.addCase({ title: 'Дело' });
    await vault.openCase('Дело');
    await page.getByRole('tab', { name: 'Deadlines' }).click();
    await page.getByRole('textbox', { name: 'What is due' }).fill('Срок');
    await page.getByRole('textbox', { name: 'Due date' }).fill(addDays(todayCivil(), -1));
    await page.getByRole('button', { name: 'Save the deadline' }).click();
    await vault.lock();
    await page.getByRole('combobox').first().selectOption(language);
    await page.getByRole('textbox').first().fill('lantern orbit quietly Әділет seven marble');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
    const main = page.getByRole('main');
    await expect(main).toContainText(formatCivilDate(todayCivil(), language, { weekday: true }));
    await expect(main).toContainText(
      formatCivilDate(addDays(todayCivil(), -1), language, { weekday: true, year: false }),
    );
    expect(await main.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}|M\d{1,2}\b/);
    expect(
      (await new AxeBuilder({ page }).analyze()).violations.filter((v) =>
        ['serious', 'critical'].includes(v.impact ?? ''),
      ),
    ).toEqual([]);
  });
}
