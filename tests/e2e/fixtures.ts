import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';

/**
 * Debian's Chromium where Playwright cannot download its own: `PLAYWRIGHT_CHROMIUM_EXECUTABLE`,
 * else /usr/bin/chromium, else Playwright's bundled browser.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags that keep Chromium quiet on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium on a persistent profile folder: what a person's browser keeps on disk. */
export function launchProfile(profileDir: string, baseURL?: string): Promise<BrowserContext> {
  const executablePath = chromiumExecutable();
  return chromium.launchPersistentContext(profileDir, {
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: CHROMIUM_ARGS,
    ...(baseURL ? { baseURL } : {}),
  });
}

type Fixtures = {
  /** The profile folder on disk of this test's browser: what really reaches the disk is here. */
  profileDir: string;
  /** Console errors and uncaught page errors seen during the test. */
  pageErrors: string[];
};

/**
 * Every test gets a fresh persistent profile on disk (a plain `launch()` would keep IndexedDB in
 * memory and hide what a seized laptop would reveal).
 */
export const test = base.extend<Fixtures & { context: BrowserContext; page: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  profileDir: async ({}, use, testInfo) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qorgau-profile-'));
    await use(dir);
    // QORGAU_E2E_KEEP_FAILED=<folder>: a failed test's profile is copied there, to be examined.
    const keep = process.env.QORGAU_E2E_KEEP_FAILED;
    if (keep && testInfo.status !== testInfo.expectedStatus)
      await cp(dir, path.join(keep, `${path.basename(dir)}-${testInfo.title.replace(/\W+/g, '-')}`), {
        recursive: true,
      }).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir, baseURL }, use) => {
    const context = await launchProfile(profileDir, baseURL);
    await use(context);
    await context.close();
  },
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(errors);
  },
  page: async ({ context, pageErrors }, use) => {
    void pageErrors;
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

export { expect } from '@playwright/test';
