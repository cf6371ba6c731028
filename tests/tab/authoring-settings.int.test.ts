import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_TENANT } from '../../server/demo';
import { launchChromium, saveScreenshot } from '../support/browser';
import { builtTab } from '../support/built-tab';
import { type Chat, startChat } from '../support/chat';
import { type LocalLrs, startLocalLrs } from '../support/lrs';
import type { TestServer } from '../support/practica-server';
import { cardOf, cardText } from '../support/teams-user';

/**
 * The tab's workflow editor and Settings page in real headless Chromium against the real server (demo tenant)
 * and a real local LRS: an author writes and publishes a workflow, an L&D admin changes the organisation's
 * settings, adds an LRS target and imports a CSV, and no one else opens Settings.
 */
describe('authoring and settings in the tab', () => {
  let chat: Chat;
  let server: TestServer;
  let lrs: LocalLrs;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const tabDirectory = await builtTab();
    lrs = await startLocalLrs();
    chat = await startChat(
      'pglite',
      { PRACTICA_SECRET_KEY: randomBytes(32).toString('base64') },
      { tabDirectory },
    );
    server = chat.server;
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await chat?.close();
    await lrs?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => context?.close());

  const signInAs = async (page: Page, name: string) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByRole('navigation', { name: 'Practica pages' }).waitFor();
  };
  const apiAs = async (email: string, apiPath: string): Promise<Record<string, unknown>> => {
    const person = (await server.store.people.findByEmail(DEMO_TENANT.id, email))!;
    const token = await server.devTokens!.issue(person);
    const response = await fetch(`${server.url}/api/v1${apiPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  it('lets an author write a workflow with placeholder suggestions and a preview, fix the problem the server finds, publish it (colleagues then find it, the bot offers it), and retire it', async () => {
    const page = await context.newPage();
    await signInAs(page, 'Sofia Lindqvist');
    await page.getByRole('tab', { name: 'Authoring' }).click();
    await page.getByRole('heading', { name: 'Workflows you wrote' }).waitFor();
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('heading', { name: 'New workflow' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/workflows/new');

    const title = 'Supplier price increase letter';
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Summary', { exact: true })
      .fill('Answer a supplier’s price increase with the numbers.');
    await page.getByLabel('Skill area').selectOption({ index: 1 });
    await page.getByLabel('Input label').fill('The supplier’s letter');
    await page.getByLabel('Input description').fill('Paste the letter announcing the increase.');
    await page.getByLabel(/^Sample source for the preview/).fill('ACME raises bolts by 9% from March.');

    const step = (number: number) => page.getByRole('listitem', { name: new RegExp(`^Step ${number}:`) });
    const stepTexts: [string, string][] = [
      ['Paste the letter', 'Paste the supplier’s letter.'],
      ['Draft the reply', 'Read the draft reply.'],
      ['The reply letter', 'Download the reply.'],
    ];
    for (const [index, [stepTitle, instructions]] of stepTexts.entries()) {
      await step(index + 1)
        .getByLabel('Step title')
        .fill(stepTitle);
      await step(index + 1)
        .getByLabel('Instructions to the employee')
        .fill(instructions);
    }

    const prompt = step(2).getByLabel('Prompt template');
    await prompt.click();
    await prompt.pressSequentially('Reply firmly to this letter: {{inp');
    const suggestions = page.getByRole('list', { name: 'Placeholders for Prompt template' });
    await expect(suggestions.getByRole('button').allTextContents()).resolves.toEqual(['{{input.source}}']);
    await suggestions.getByRole('button', { name: '{{input.source}}' }).click();
    await expect(prompt.inputValue()).resolves.toBe('Reply firmly to this letter: {{input.source}}');
    await expect(step(2).locator('pre').textContent()).resolves.toBe(
      'Reply firmly to this letter: ACME raises bolts by 9% from March.',
    );

    const template = step(3).getByLabel('Document template');
    await template.fill('# Reply\n\n{{step.draft.outptu}}');
    await page.getByLabel('Criterion', { exact: true }).fill('Grounded in numbers');
    await page.getByLabel('What a 5 looks like').fill('Every claim cites the contract or the price history.');

    await page.getByRole('button', { name: 'Check for problems' }).click();
    await page.getByText('Draft saved. 1 problem to fix before publishing.').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/workflows\/[0-9a-f-]{36}\/edit$/);
    await step(3)
      .getByText(/unknown placeholder \{\{step\.draft\.outptu\}\}/)
      .waitFor();
    await saveScreenshot(page, 'editor-validation-error');

    await template.fill('# Reply\n\n');
    await template.pressSequentially('{{st');
    await page
      .getByRole('list', { name: 'Placeholders for Document template' })
      .getByRole('button', { name: '{{step.draft.output}}' })
      .click();
    await expect(step(3).locator('pre').textContent()).resolves.toBe(
      '# Reply\n\n[what “Draft the reply” drafts]',
    );
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await page.getByText(/^Version 1 published/).waitFor();
    await expect(
      step(3)
        .getByText(/unknown placeholder/)
        .count(),
    ).resolves.toBe(0);
    await saveScreenshot(page, 'editor-published');

    const library = await apiAs(
      'jordan.ellis@northwind.example',
      `/workflows?q=${encodeURIComponent('supplier price increase')}`,
    );
    const found = (library['workflows'] as { title: string; author: { name: string } }[]).find(
      (workflow) => workflow.title === title,
    );
    expect(found?.author.name).toBe('Sofia Lindqvist');
    const [offer] = await chat.userFor('jordan.ellis@northwind.example').say('find supplier price increase');
    expect(cardText(cardOf(offer!)!)).toContain(title);

    await page.getByRole('tab', { name: 'Workflows', exact: true }).click();
    await page.getByRole('searchbox').fill('supplier price increase');
    const card = page
      .getByRole('list', { name: 'Workflows' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await card.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'Usage of each version' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe(title);

    await page.getByRole('button', { name: 'Retire' }).click();
    await page.getByText(/^Retired: it is no longer offered/).waitFor();
    const after = await apiAs(
      'jordan.ellis@northwind.example',
      `/workflows?q=${encodeURIComponent('supplier price increase')}`,
    );
    expect((after['workflows'] as { title: string }[]).map((workflow) => workflow.title)).not.toContain(
      title,
    );
  });

  it('lets an L&D admin change visibility, nudge switches and a skill area (and see a refusal), add and test an LRS target, import certificate and LMS-identifier CSVs each with a bad row, and read the audit log', async () => {
    const page = await context.newPage();
    await signInAs(page, 'Priya Raman');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: /: settings$/ }).waitFor();

    const areas = page.getByRole('list', { name: 'Skill areas' }).getByRole('listitem');
    const firstName = await areas.first().getByLabel('Skill area 1 name').inputValue();
    await areas
      .first()
      .getByRole('button', { name: `Remove ${firstName}` })
      .click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByText(/^skill_area_in_use: .* uses skill area/)
      .first()
      .waitFor();
    let stored = (await server.store.tenants.get(DEMO_TENANT.id))!.settings;
    expect(stored.skillAreas.map((area) => area.name)).toContain(firstName);

    // Nothing of the refused change stays on the page once it is loaded again.
    await page.reload();
    await page.getByRole('heading', { name: /: settings$/ }).waitFor();
    await expect(page.getByLabel('Skill area 1 name').inputValue()).resolves.toBe(firstName);
    await page.getByLabel('Skill area 1 name').fill(`${firstName} (core)`);
    await page.getByRole('radio', { name: /^Levels only:/ }).check();
    await page.getByRole('switch', { name: 'Weekly digest for managers' }).uncheck();
    await page.getByLabel('At most this many nudges per person in any 7 days').fill('3');
    await page.getByText(/The bot can write to \d+ of \d+ active people/).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    stored = (await server.store.tenants.get(DEMO_TENANT.id))!.settings;
    expect(stored.managerVisibility).toBe('levels-only');
    expect(stored.skillAreas[0]?.name).toBe(`${firstName} (core)`);
    expect(stored.nudges).toMatchObject({
      kinds: { manager_digest: false, lapse_warning: true },
      weeklyLimit: 3,
    });
    await saveScreenshot(page, 'settings-admin');

    await page.getByRole('button', { name: 'Add LRS target' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('local_lrs');
    await dialog.getByLabel('Endpoint').fill(lrs.endpoint);
    await dialog.getByLabel('Username').fill(lrs.basic.username);
    await dialog.getByLabel('Password').fill(lrs.basic.password);
    await dialog.getByRole('radio', { name: 'Email address (mbox)' }).check();
    await saveScreenshot(page, 'settings-lrs-dialog');
    await dialog.getByRole('button', { name: 'Save target' }).click();
    const target = page.getByRole('listitem', { name: 'LRS target local_lrs' });
    await target.waitFor();
    await target.getByRole('button', { name: 'Test connection to local_lrs' }).click();
    await target.getByText(/^Connected: the LRS answers \(xAPI \d/).waitFor();

    const folder = mkdtempSync(path.join(os.tmpdir(), 'practica-csv-'));
    const csv = path.join(folder, 'certificates.csv');
    writeFileSync(
      csv,
      'email,name,issued_at\njordan.ellis@northwind.example,Advanced Excel,2026-10-01\nnobody@elsewhere.example,Advanced Excel,2026-10-01\n',
    );
    await page.getByLabel('Certificates CSV', { exact: true }).setInputFiles(csv);
    await page.getByText('1 certificates added, 0 already known, 1 rows skipped.').waitFor();
    const rowErrors = page
      .getByRole('list', { name: 'Rows not imported from the Certificates CSV' })
      .getByRole('listitem');
    await expect(rowErrors.allTextContents()).resolves.toEqual([expect.stringMatching(/^Line 3: /)]);
    const certificates = await apiAs('jordan.ellis@northwind.example', '/me/certificates');
    expect((certificates['certificates'] as { name: string }[]).map((item) => item.name)).toContain(
      'Advanced Excel',
    );

    const identifiers = path.join(folder, 'lms-identifiers.csv');
    writeFileSync(
      identifiers,
      'email,lms_identifier\njordan.ellis@northwind.example,LMS-4242\nnobody@elsewhere.example,LMS-9999\n',
    );
    await page.getByLabel('LMS identifiers CSV', { exact: true }).setInputFiles(identifiers);
    await page.getByText('1 identifiers set, 0 unchanged, 1 rows not applied.').waitFor();
    await expect(
      page
        .getByRole('list', { name: 'Rows not imported from the LMS identifiers CSV' })
        .getByRole('listitem')
        .allTextContents(),
    ).resolves.toEqual([expect.stringMatching(/^Line 3: /)]);

    await page.getByRole('button', { name: 'Refresh the audit log' }).click();
    const audit = page.getByRole('table', { name: 'Audit log' });
    await audit
      .getByRole('cell', { name: /^settings\./ })
      .first()
      .waitFor();
    const change = audit
      .getByRole('row')
      .filter({ hasText: /settings\./ })
      .first();
    await expect(change.textContent()).resolves.toContain('Priya Raman');
    await saveScreenshot(page, 'settings-imports-audit');
  });

  it('keeps Settings and the editor from people without the role', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/settings`);
    await page.getByRole('button', { name: /Jordan Ellis/ }).click();
    await page.getByRole('heading', { name: 'Skill areas' }).waitFor();
    await expect(page.getByRole('tab', { name: 'Settings' }).count()).resolves.toBe(0);
    await expect(page.getByRole('tab', { name: 'Authoring' }).count()).resolves.toBe(0);
    await expect(page.getByRole('tab', { name: 'My profile', selected: true }).count()).resolves.toBe(1);
    await saveScreenshot(page, 'settings-refused-employee');
  });
});
