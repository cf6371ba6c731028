import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DEMO_TENANT } from '../../server/demo';
import { launchChromium, saveScreenshot } from '../support/browser';
import { builtTab } from '../support/built-tab';
import { startTestServer, type TestServer } from '../support/practica-server';

/** The Credentials list on the profile in real Chromium, against the demo tenant and its 90 days of history. */
describe('credentials on the profile in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const tabDirectory = await builtTab();
    server = await startTestServer('pglite', { SEED_DEMO_HISTORY: 'true' }, { tabDirectory });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the credential an employee at L2 was issued, with its standing, and downloads the signed credential', async () => {
    const jordan = (await server.store.people.findByEmail(DEMO_TENANT.id, 'jordan.ellis@northwind.example'))!;
    // The worker issues the demo history's credentials shortly after start-up.
    let credentials = await server.store.credentials.listForPerson(DEMO_TENANT.id, jordan.id);
    for (let tries = 0; credentials.length === 0 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      credentials = await server.store.credentials.listForPerson(DEMO_TENANT.id, jordan.id);
    }
    expect(credentials.length).toBeGreaterThan(0);

    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: /Jordan Ellis/ }).click();
      await page.getByRole('heading', { name: 'Credentials' }).waitFor();
      const item = page.getByRole('listitem').filter({ hasText: 'Practises AI:' }).first();
      await item.waitFor();
      await expect(item.textContent()).resolves.toMatch(/Valid/);
      await saveScreenshot(page, 'profile-credentials');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        item.getByRole('button', { name: 'Download' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^practice-credential-.+\.jwt$/);
      const saved = readFileSync((await download.path())!, 'utf8');
      expect(credentials.map((credential) => credential.jwt)).toContain(saved);
    } finally {
      await context.close();
    }
  });
});
