import { expect, test } from './fixtures';

test('the page is served with the CSP header and inline script does not run', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');

  // User text that smuggles a script into the DOM must not execute.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__qorgauPwned = true;';
    document.body.append(script);
    const image = document.createElement('img');
    image.setAttribute('src', 'x');
    image.setAttribute('onerror', 'window.__qorgauPwned = true;');
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (window as unknown as { __qorgauPwned?: boolean }).__qorgauPwned === true;
  });
  expect(ran).toBe(false);
});

test('target=_blank and javascript: links open nothing inside the app', async ({ page, context }) => {
  await page.goto('/');
  const appUrl = page.url();
  // External pages are answered locally: this machine has no network, and no test may reach one.
  await context.route(/^https:\/\/example\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>external</title>' }),
  );
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluate(() => {
    const add = (id: string, href: string, target?: string) => {
      const link = document.createElement('a');
      link.id = id;
      link.href = href;
      link.textContent = id;
      if (target) link.target = target;
      document.body.prepend(link);
    };
    add('blank-app', '/index.html', '_blank');
    add('blank-js', 'javascript:alert(1)', '_blank');
    add('plain-js', 'javascript:alert(2)');
    add('blank-external', 'https://example.org/news', '_blank');
  });

  const appOrigin = new URL(appUrl).origin;
  const appPages = () => context.pages().filter((p) => p.url().startsWith(appOrigin));

  await page.locator('#blank-app').click();
  await page.locator('#blank-js').click();
  await page.locator('#plain-js').click();
  await page.waitForTimeout(300);
  expect(appPages()).toHaveLength(1);
  expect(dialogs).toEqual([]);
  expect(page.url()).toBe(appUrl);

  // A web link leaves for a separate tab with no handle back to the app.
  const opened = context.waitForEvent('page');
  await page.locator('#blank-external').click();
  const external = await opened;
  await external.waitForLoadState();
  expect(external.url()).toBe('https://example.org/news');
  expect(await external.evaluate(() => window.opener === null)).toBe(true);
  expect(appPages()).toHaveLength(1);
  expect(page.url()).toBe(appUrl);
});

test('a path traversal request is refused by the web edition', async ({ request }) => {
  for (const target of ['/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%5c..%5cpackage.json']) {
    const response = await request.get(target);
    expect(response.status(), target).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('"name": "qorgau"');
  }
});
