import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../support/browser';
import { builtTab } from '../support/built-tab';
import { startTestServer, type TestServer } from '../support/practica-server';

/**
 * The tab in real headless Chromium against the real server with the demo tenant and its 90 days of history:
 * a person signs in from the development persona picker and reads their own profile.
 */
describe('the tab: my profile', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const tabDirectory = await builtTab();
    server = await startTestServer('pglite', { SEED_DEMO_HISTORY: 'true' }, { tabDirectory });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => context?.close());

  const signInAs = async (page: Page, name: string) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByRole('navigation', { name: 'Practica pages' }).waitFor();
  };

  it('shows my level in each skill area with its evidence and what is next, and my sessions with their deliverables', async () => {
    const page = await context.newPage();
    await signInAs(page, 'Jordan Ellis');

    await expect(page.getByRole('tab', { name: 'My profile', selected: true }).count()).resolves.toBe(1);
    const areas = page.getByRole('heading', { name: 'Skill areas' });
    await areas.waitFor();
    const analysis = page.getByLabel(/^Analysis & reporting: L\d /);
    await expect(analysis.textContent()).resolves.toMatch(/Evidence: \d+ sessions?/);
    await expect(analysis.textContent()).resolves.toMatch(/Next: /);

    const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
    await sessions.first().waitFor();
    expect(await sessions.count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'profile-employee');

    const firstWithDeliverable = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: 'Open' }) })
      .first();
    const title = (await firstWithDeliverable.locator('span').first().textContent()) ?? '';
    await firstWithDeliverable.getByRole('button', { name: 'Open' }).click();
    const dialog = page.getByRole('dialog', { name: title });
    const shown = (await dialog.locator('pre').textContent()) ?? '';
    expect(shown.length).toBeGreaterThan(100);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      firstWithDeliverable.getByRole('button', { name: `Download ${title} as Markdown` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(shown);
  });

  it('follows a dark colour scheme', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const page = await dark.newPage();
    await signInAs(page, 'Jordan Ellis');
    const background = String(
      await page
        .locator('.fui-FluentProvider')
        .first()
        .evaluate('(element) => getComputedStyle(element).backgroundColor'),
    );
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(200);
    await saveScreenshot(page, 'profile-employee-dark');
    await dark.close();
  });
});
