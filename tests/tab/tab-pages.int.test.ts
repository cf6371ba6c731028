import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../support/browser';
import { DEMO_TENANT } from '../../server/demo';
import { builtTab } from '../support/built-tab';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { cardOf, cardText, TeamsUser } from '../support/teams-user';

/**
 * The tab in real headless Chromium against the real server with the demo tenant and its 90 days of history:
 * each persona signs in from the development persona picker and uses the pages their roles open.
 */
describe('the tab in Chromium', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const tabDirectory = await builtTab();
    server = await startTestServer('pglite', { SEED_DEMO_HISTORY: 'true' }, { tabDirectory });
    browser = await launchChromium();
    connector = await startLocalConnector();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await connector?.close();
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
      await page.evaluate("getComputedStyle(document.querySelector('main').parentElement).backgroundColor"),
    );
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(200);
    await saveScreenshot(page, 'profile-employee-dark');
    await dark.close();
  });

  it('shows a manager their reports and a report’s profile; an employee has no team page', async () => {
    const page = await context.newPage();
    await signInAs(page, 'Rahul Mehta');
    await page.getByRole('tab', { name: 'My team' }).click();
    await page.getByRole('heading', { name: 'Your direct reports' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/team');
    const jordan = page.getByRole('row').filter({ hasText: 'Jordan Ellis' });
    await expect(jordan.getByText(/^L\d$/).count()).resolves.toBeGreaterThanOrEqual(5);
    await saveScreenshot(page, 'team-manager');

    await jordan.getByRole('button', { name: 'Jordan Ellis' }).click();
    await page.getByRole('heading', { name: /^Jordan Ellis/ }).waitFor();
    await expect(page.getByLabel(/^Analysis & reporting: L\d /).textContent()).resolves.toMatch(/Evidence: /);
    await expect(page.getByText('Next: ').count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Shared with you for review' }).waitFor();
    await saveScreenshot(page, 'team-report-profile');

    const employee = await browser.newContext();
    const employeePage = await employee.newPage();
    await employeePage.goto(`${server.url}/team`);
    await employeePage.getByRole('button', { name: /Jordan Ellis/ }).click();
    await employeePage.getByRole('heading', { name: 'Skill areas' }).waitFor();
    await expect(employeePage.getByRole('tab', { name: 'My team' }).count()).resolves.toBe(0);
    await expect(employeePage.getByRole('tab', { name: 'My profile', selected: true }).count()).resolves.toBe(
      1,
    );
    await employee.close();
  });

  it('lets a manager score a shared deliverable on the rubric, and the employee then reads the review on their profile', async () => {
    const manager = await browser.newContext();
    const page = await manager.newPage();
    await signInAs(page, 'Rahul Mehta');
    await page.getByRole('tab', { name: 'Reviews' }).click();
    const queue = page.getByRole('list', { name: 'Awaiting your review' }).getByRole('listitem');
    const waiting = queue.filter({ hasText: 'Jordan Ellis: Monthly reconciliation variance memo' });
    await waiting.first().waitFor();
    const before = await queue.count();
    await saveScreenshot(page, 'reviews-manager');
    await waiting.first().getByRole('button', { name: 'Review' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Deliverable', { exact: true }).waitFor();
    const reviewed = (await dialog.getByLabel('Deliverable', { exact: true }).textContent()) ?? '';
    expect(reviewed.length).toBeGreaterThan(100);
    const send = dialog.getByRole('button', { name: 'Send review' });
    expect(await send.isDisabled()).toBe(true);
    const groups = dialog.getByRole('radiogroup');
    for (let index = 0; index < (await groups.count()); index++)
      await groups.nth(index).getByRole('radio', { name: '5' }).check();
    await dialog.getByRole('textbox').fill('Clear and accurate; ready for the controller.');
    await saveScreenshot(page, 'review-dialog');
    await send.click();
    await page
      .getByText(/Your review of Jordan Ellis’s Monthly reconciliation variance memo was sent/)
      .waitFor();
    await queue.first().waitFor();
    await expect(queue.count()).resolves.toBe(before - 1);
    await manager.close();

    const jordan = await context.newPage();
    await signInAs(jordan, 'Jordan Ellis');
    const review = jordan.getByText(
      'Reviewed by your manager: 5.0 of 5 — “Clear and accurate; ready for the controller.”',
    );
    await review.waitFor();
    const item = jordan.getByRole('listitem').filter({ has: review });
    await item.getByRole('button', { name: 'Open' }).click();
    await expect(jordan.getByRole('dialog').locator('pre').textContent()).resolves.toBe(reviewed);
  });

  it('lets anyone search the workflow library with its social proof and open a workflow; its author sees each version’s usage', async () => {
    const page = await context.newPage();
    await signInAs(page, 'Jordan Ellis');
    await page.getByRole('tab', { name: 'Workflows' }).click();
    const cards = page.getByRole('list', { name: 'Workflows' }).getByRole('listitem');
    await cards.first().waitFor();
    const all = await cards.count();
    expect(all).toBeGreaterThan(3);
    const memo = cards.filter({ hasText: 'Monthly reconciliation variance memo' });
    await expect(memo.textContent()).resolves.toMatch(
      /\d+ colleagues completed it · median \d+ min saved · rated \d\.\d of 5/,
    );
    await saveScreenshot(page, 'workflows-library');

    await page.getByRole('searchbox').fill('competitor');
    await page.waitForFunction(
      `(n => n > 0 && n < ${all})(document.querySelectorAll('ul[aria-label="Workflows"] > li').length)`,
    );
    const found = await cards.allTextContents();
    expect(found.length).toBeGreaterThan(0);
    for (const text of found) expect(text.toLowerCase()).toContain('compet');

    await cards.first().getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: /^Steps \(version \d+/ }).waitFor();
    await expect(page.getByRole('heading', { name: 'How a good result is judged' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Usage of each version' }).count()).resolves.toBe(0);
    await saveScreenshot(page, 'workflow-detail');

    // "Start in chat": the bot cannot write to Jordan until Jordan has opened the chat once; then it can.
    const title = (await page.getByRole('heading', { level: 2 }).textContent())!;
    await page.getByRole('button', { name: 'Start in chat' }).click();
    await page.getByText(/Open your chat with Practica once/).waitFor();
    const jordan = (await server.store.people.findByEmail(DEMO_TENANT.id, 'jordan.ellis@northwind.example'))!;
    const chat = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: jordan.aadObjectId,
      displayName: jordan.displayName,
    });
    await chat.say('hello');
    const before = chat.received.length;
    await page.getByRole('button', { name: 'Start in chat' }).click();
    await page.getByText(/Your first step is waiting in your chat with Practica/).waitFor();
    for (let waited = 0; waited < 200; waited++) {
      if (
        chat.received
          .slice(before)
          .some((sent) => cardText(cardOf(sent) ?? {}).includes('from the Practica tab'))
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const firstCard = chat.received
      .slice(before)
      .map((sent) => cardText(cardOf(sent) ?? {}))
      .find((text) => text.includes('from the Practica tab'));
    expect(firstCard).toContain(title);

    const authorContext = await browser.newContext();
    const author = await authorContext.newPage();
    await signInAs(author, 'Sofia Lindqvist');
    await author.getByRole('tab', { name: 'Workflows' }).click();
    const own = author
      .getByRole('list', { name: 'Workflows' })
      .getByRole('listitem')
      .filter({ hasText: 'by you' });
    await own.first().getByRole('button', { name: 'Open' }).click();
    await author.getByRole('heading', { name: 'Usage of each version' }).waitFor();
    const firstVersion = author.getByRole('row').nth(1);
    await expect(firstVersion.textContent()).resolves.toMatch(/^1/);
    await saveScreenshot(author, 'workflow-detail-author');

    // Editing it shows, beside the draft, how each step of the published workflow goes.
    await author.getByRole('button', { name: 'Edit' }).click();
    const steps = author.getByRole('table', { name: 'How each step goes' });
    await steps.waitFor();
    const completed = await steps
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1).map((row) => Number(row.querySelectorAll('td')[1]?.textContent)));
    expect(completed.length).toBeGreaterThan(2);
    expect(Math.max(...completed)).toBeGreaterThan(0);
    await saveScreenshot(author, 'editor-insights');
    await authorContext.close();
  });

  it('shows an L&D admin the five metrics with weekly trends, by department, and the connector; others have no such page', async () => {
    const page = await context.newPage();
    await signInAs(page, 'Priya Raman');
    await page.getByRole('tab', { name: 'Organisation' }).click();
    for (const metric of [
      'Workflow adoption',
      'Output quality',
      'Time reallocation',
      'Knowledge sharing',
      'Progression velocity',
    ])
      await page.getByLabel(metric, { exact: true }).waitFor();
    await expect(page.getByLabel('Workflow adoption', { exact: true }).textContent()).resolves.toMatch(
      /\d+% *\d+ of \d+ active people at L2 or above/,
    );
    await page.getByRole('heading', { name: 'LMS connector' }).waitFor();
    await saveScreenshot(page, 'organisation-admin');

    const adoption = page.getByRole('figure', { name: /^Adoption by week/ });
    await adoption.getByRole('switch', { name: 'Show as table' }).click();
    const rows = adoption.getByRole('row');
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(13);

    const people = async () =>
      Number(
        /(\d+) active people/.exec(
          (await page.getByRole('heading', { name: /active people/ }).textContent()) ?? '',
        )?.[1],
      );
    const everyone = await people();
    await page.getByLabel('Department (all when empty)').fill('Finance');
    await page.waitForFunction(
      `!(document.querySelector('h2')?.textContent ?? '').includes(' ${everyone} active people')`,
    );
    expect(await people()).toBeLessThan(everyone);
    await page.getByLabel('Department (all when empty)').fill('Executive');
    await page.getByText(/shown for groups of 5 or more active people; this one has [0-4]\./).waitFor();
    await saveScreenshot(page, 'organisation-withheld');

    const manager = await browser.newContext();
    const rahul = await manager.newPage();
    await signInAs(rahul, 'Rahul Mehta');
    await expect(rahul.getByRole('tab', { name: 'Organisation' }).count()).resolves.toBe(0);
    await manager.close();
  });
});
