import { readFile } from 'node:fs/promises';
import ical from 'node-ical';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';
import { agendaGroup } from '../../shared/agenda/agenda';
import { formatCivilDate } from '../../shared/app/date-format';

function civil(offsetDays: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

test('a hearing tomorrow and an overdue deadline appear on the Agenda, and the .ics holds both', async ({ page }) => {
  test.setTimeout(90_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Иск к «Уральской неделе»' });
  await vault.openCase('Иск к «Уральской неделе»');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill(civil(1));
  await page.getByRole('textbox', { name: 'Time (optional)' }).fill('10:30');
  await page.getByRole('textbox', { name: 'Court or place' }).fill('Уральский городской суд');
  await page.getByRole('button', { name: 'Save the entry' }).click();

  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('textbox', { name: 'What is due' }).fill('Подать апелляционную жалобу');
  await page.getByRole('textbox', { name: 'Due date' }).fill(civil(-2));
  await page.getByRole('button', { name: 'Save the deadline' }).click();
  await expect(page.getByRole('list', { name: 'Deadlines' }).getByText('Подать апелляционную жалобу')).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Agenda' }).click();
  const overdue = page.getByRole('region', { name: /^Overdue/ });
  await expect(overdue.getByRole('listitem').filter({ hasText: 'Подать апелляционную жалобу' })).toBeVisible();
  // Tomorrow is this week, or next week when today is a Sunday: weeks run Monday to Sunday.
  const soon = page.getByRole('region', {
    name: agendaGroup(civil(1), civil(0)) === 'this-week' ? /^This week/ : /^Next week/,
  });
  const hearingRow = soon.getByRole('listitem').filter({ hasText: 'Уральский городской суд' });
  await expect(hearingRow).toContainText(
    formatCivilDate(civil(1), 'en', { weekday: true, year: false }).split(' ')[0]!,
  );
  await expect(hearingRow).toContainText('10:30');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as .ics' }).click();
  const file = await (await download).path();
  const calendar = ical.sync.parseICS(await readFile(file ?? '', 'utf8'));
  const events = Object.values(calendar).filter((item) => item?.type === 'VEVENT');
  const summaries = events.map((event) => String((event as { summary?: unknown }).summary));
  expect(summaries).toEqual(
    expect.arrayContaining([
      'Подать апелляционную жалобу — Иск к «Уральской неделе»',
      'Уральский городской суд — Иск к «Уральской неделе»',
    ]),
  );
  const hearing = events.find(
    (event) => String((event as { location?: unknown }).location) === 'Уральский городской суд',
  ) as { start?: Date } | undefined;
  expect(hearing?.start?.getHours()).toBe(10);
  expect(hearing?.start?.getMinutes()).toBe(30);

  // Click through from the Agenda to the case.
  await hearingRow.getByRole('button', { name: 'Иск к «Уральской неделе»' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Иск к «Уральской неделе»' })).toBeVisible();
});
