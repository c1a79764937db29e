import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

for (const language of ['en', 'ru', 'kk'] as const) {
  test(`axe finds no serious or critical violations on the first screen (${language})`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(severe).toEqual([]);
  });
}
