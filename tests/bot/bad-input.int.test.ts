import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { actionData, cardOf, cardText, inputIds, TeamsUser, type Card } from '../support/teams-user';
import { testDatabaseKinds } from '../support/test-database';

// A model endpoint that is down: a real local server answering 500 in the OpenAI error format.
let failures = 0;
const brokenModel = http.createServer((request, response) => {
  request.resume();
  failures++;
  response.writeHead(500, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: { message: 'upstream broke', type: 'server_error' } }));
});
let modelUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => brokenModel.listen(0, '127.0.0.1', resolve));
  modelUrl = `http://127.0.0.1:${(brokenModel.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => brokenModel.close(() => resolve())));

describe.each(testDatabaseKinds())('bad input to the bot on %s', (kind) => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let jordan: TeamsUser;
  let rahul: TeamsUser;

  beforeAll(async () => {
    server = await startTestServer(kind, { LLM_BASE_URL: modelUrl, LLM_API_KEY: 'sk-test' });
    connector = await startLocalConnector();
    const as = (email: string) => {
      const person = requireDemoPerson(email);
      return new TeamsUser(server.url, connector, {
        tenantId: DEMO_TENANT.id,
        aadObjectId: person.aadObjectId,
        displayName: person.displayName,
      });
    };
    jordan = as(DEMO_DEFAULT_USER_EMAIL);
    rahul = as('rahul.mehta@northwind.example');
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  async function startVarianceMemo(user: TeamsUser): Promise<Card> {
    // A generation job from an earlier test may still post to this chat, so look for the home card itself.
    const answers = await user.say('help');
    const home = answers.map(cardOf).find((card) => card && actionData(card, 'start') !== null);
    const workflows = await server.store.workflows.listPublished(DEMO_TENANT.id);
    const memo = workflows.find((workflow) => workflow.title === 'Monthly reconciliation variance memo')!;
    expect(home).toBeDefined();
    return user.click({ op: 'start', workflowId: memo.id }, {}, { replyToId: 'home' });
  }

  const lastText = (sent: { activity: { text?: string } }[]) =>
    sent.map((entry) => entry.activity.text ?? '').join('\n');

  it('answers a start from a card whose workflow no longer exists with the home card, not an error', async () => {
    const before = jordan.received.length;
    const card = await jordan.click({ op: 'start', workflowId: '00000000-0000-4000-8000-000000000000' });
    expect(cardText(card)).toContain("I'm Practica");
    expect(lastText(jordan.received.slice(before))).toContain('That workflow is not available any more.');
  });

  it('explains an unknown command and an empty message', async () => {
    expect(lastText(await jordan.say('/dance'))).toContain('I don\'t know the command "/dance"');
    expect(lastText(await jordan.say('', { text: '' }))).toContain("I didn't get any text");
  });

  it('explains free text at a step that needs several answers, and refuses an oversized one with the limit', async () => {
    const first = await startVarianceMemo(jordan);
    expect(lastText(await jordan.say('here is my stuff'))).toContain('This step asks for 3 things');
    const submit = actionData(first, 'submit_inputs')!;
    const tooBig = await jordan.click(submit, {
      'input.period': 'x'.repeat(401),
      'input.reconciliation': 'table',
    });
    expect(cardText(tooBig)).toMatch(/is 401 characters; the limit is 400/);
    expect(inputIds(tooBig)).toContain('input.reconciliation');
  });

  it('acts once on a double click, and calls a click on an old card out of date', async () => {
    const first = await startVarianceMemo(jordan);
    const submit = actionData(first, 'submit_inputs')!;
    const inputs = {
      'input.period': 'March 2026, 2150',
      'input.reconciliation': 'GL 182,400; subledger 180,100',
    };
    const [a, b] = await Promise.all([jordan.click(submit, inputs), jordan.click(submit, inputs)]);
    const texts = [cardText(a), cardText(b)];
    expect(texts.filter((text) => text.includes('out of date'))).toHaveLength(1);
    const sessionId = String(submit.sessionId);
    const completions = (
      await server.store.events.listForTenant(DEMO_TENANT.id, { type: 'session.step_completed', limit: 200 })
    ).filter((event) => event.sessionId === sessionId);
    expect(completions).toHaveLength(1);

    const old = await jordan.click(actionData(first, 'pause')!);
    expect(cardText(old)).toContain('out of date');
    expect((await server.store.sessions.get(DEMO_TENANT.id, sessionId))?.status).toBe('active');
  });

  it('tells the employee when the model fails, keeps the step, and offers their own AI tool', async () => {
    const first = await startVarianceMemo(jordan);
    const generating = await jordan.click(
      actionData(first, 'submit_inputs')!,
      { 'input.period': 'March', 'input.reconciliation': 'GL table' },
      { replyToId: 'memo-card' },
    );
    expect(cardText(generating)).toContain('Generating…');
    const failed = await jordan.waitForUpdate(
      'memo-card',
      (card) => actionData(card, 'switch_to_byo') !== null,
      20_000,
    );
    expect(cardText(failed)).toContain('The AI service is not available right now.');
    expect(failures).toBeGreaterThanOrEqual(2);
    const byo = await jordan.click(actionData(failed, 'switch_to_byo')!);
    expect(cardText(byo)).toContain('GL table');
    expect(actionData(byo, 'provide_output')).not.toBeNull();
  });

  it("refuses to act on another person's session and leaves it untouched", async () => {
    const first = await startVarianceMemo(jordan);
    const submit = actionData(first, 'submit_inputs')!;
    const before = await server.store.sessions.get(DEMO_TENANT.id, String(submit.sessionId));
    await rahul.say('help');
    const answer = await rahul.click(submit, { 'input.period': 'hijack', 'input.reconciliation': 'hijack' });
    expect(cardText(answer)).toContain("I'm Practica");
    expect(lastText(rahul.received)).toContain('not yours');
    expect((await server.store.sessions.get(DEMO_TENANT.id, String(submit.sessionId)))?.version).toBe(
      before?.version,
    );
  });

  it('acts once on an invoke that Teams delivers twice', async () => {
    const first = await startVarianceMemo(jordan);
    const pause = actionData(first, 'pause')!;
    await jordan.click(pause, {}, { activityId: 'invoke-twice' });
    const again = await jordan.click(pause, {}, { activityId: 'invoke-twice' });
    const session = await server.store.sessions.get(DEMO_TENANT.id, String(pause.sessionId));
    expect(session?.version).toBe(Number(pause.version) + 1);
    expect(cardText(again)).not.toContain('out of date');
  });
});
