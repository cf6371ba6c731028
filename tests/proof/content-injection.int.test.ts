import type { Browser } from 'playwright-core';
import { publishWorkflow, randomIds, systemClock, type Person } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { workflowDefinition } from '../factories';
import { launchChromium, saveScreenshot } from '../support/browser';
import { builtTab } from '../support/built-tab';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { TeamsUser } from '../support/teams-user';

const SCRIPT = '<script>window.__injected = 1</script>';
const IMAGE = '<img src=x onerror="window.__injected = 2">';
const LINK = '[Open the ledger](javascript:window.__injected=3)';
const TITLE = `Variance memo ${SCRIPT}`;

/** A workflow whose author wrote script, HTML and a javascript: link into it, shown in the bot's cards and the tab. */
describe('hostile workflow content', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let browser: Browser;
  let jordan: Person;
  let workflowId: string;

  beforeAll(async () => {
    const tabDirectory = await builtTab();
    server = await startTestServer('pglite', {}, { tabDirectory, llm: null });
    connector = await startLocalConnector();
    browser = await launchChromium();
    jordan = (await server.store.people.findByEmail(DEMO_TENANT.id, 'jordan.ellis@northwind.example'))!;
    const author = (await server.store.people.list(DEMO_TENANT.id)).find((person) =>
      person.roles.includes('author'),
    )!;
    const definition = workflowDefinition({ title: TITLE, summary: `Summary ${IMAGE} ${LINK}` });
    definition.steps[0] = {
      ...definition.steps[0]!,
      instructions: `Paste the table. ${LINK} ${IMAGE}`,
    } as never;
    const published = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: author.id,
      definition,
    });
    workflowId = published.workflow.id;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await connector?.close();
  });

  it('reaches the chat as text: the javascript: link is no link, and the tags are words', async () => {
    const chat = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: jordan.aadObjectId,
      displayName: jordan.displayName,
    });
    const card = await chat.click({ op: 'start', workflowId }, {}, { replyToId: 'hostile-content' });
    const json = JSON.stringify(card);
    expect(json).toContain('Paste the table.');
    expect(json).not.toMatch(/\]\(\s*javascript:/i);
    expect(json).toContain('Open the ledger (javascript:');
  });

  it('shows in the tab as text, and runs nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: /Jordan Ellis/ }).click();
    await page.getByRole('tab', { name: 'Workflows' }).click();
    await page.getByRole('searchbox').fill('Variance memo');
    const card = page
      .getByRole('list', { name: 'Workflows' })
      .getByRole('listitem')
      .filter({ hasText: SCRIPT });
    await card.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await expect(page.getByText(`Summary ${IMAGE} ${LINK}`).count()).resolves.toBe(1);
    await expect(page.evaluate('window.__injected ?? null')).resolves.toBeNull();
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await saveScreenshot(page, 'hostile-workflow-content');
    await context.close();
  });
});
