import { publishWorkflow, randomIds, systemClock, type Person, type Session } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { runToFeedback } from '../bot/session-driver';
import { newSession, workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { cardOf, cardText, TeamsUser } from '../support/teams-user';
import { feedback } from './review-scenario';

const waitForCard = async (user: TeamsUser, since: number, text: string, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const card = user.received
      .slice(since)
      .map(cardOf)
      .find((candidate) => candidate && cardText(candidate).includes(text));
    if (card) return cardText(card);
    if (Date.now() > deadline) throw new Error(`no card saying "${text}" in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('telling people about reviews in Teams', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let people: Record<'jordan' | 'rahul' | 'nadia', Person>;
  let chat: Record<'jordan' | 'rahul', TeamsUser>;
  let workflowId: string;
  let versionId: string;

  beforeAll(async () => {
    server = await startTestServer('pglite', {}, { llm: null });
    connector = await startLocalConnector();
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    people = {
      jordan: await byEmail('jordan.ellis'),
      rahul: await byEmail('rahul.mehta'),
      nadia: await byEmail('nadia.haddad'),
    };
    const userOf = (person: Person) =>
      new TeamsUser(server.url, connector, {
        tenantId: DEMO_TENANT.id,
        aadObjectId: person.aadObjectId,
        displayName: person.displayName,
      });
    chat = { jordan: userOf(people.jordan), rahul: userOf(people.rahul) };
    const published = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: people.nadia.id,
      definition: workflowDefinition({ title: 'Notice test memo' }),
    });
    workflowId = published.workflow.id;
    versionId = published.version.id;
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const api = async (person: Person, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await server.devTokens!.issue(person)}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('shared from the feedback card, reviewed in the tab, and the employee is told in their chat', async () => {
    const first = await chat.jordan.click({ op: 'start', workflowId }, {}, { replyToId: 'notice-card' });
    await runToFeedback(chat.jordan, first, { ratings: 3, replyToId: 'notice-card' });
    const listed = (await (await api(people.rahul, 'GET', '/reviews')).json()) as {
      requests: { sessionId: string; workflowTitle: string }[];
    };
    const request = listed.requests.find((candidate) => candidate.workflowTitle === 'Notice test memo');
    expect(request).toBeDefined();

    // The Bot Connector is down when the review is submitted: the reviewer is not kept waiting.
    let refused = 0;
    connector.intercept = ({ conversationId }) => {
      if (conversationId !== chat.jordan.conversationId) return null;
      refused++;
      return { status: 503, body: { error: 'unavailable' } };
    };
    const before = chat.jordan.received.length;
    const response = await api(people.rahul, 'POST', `/sessions/${request!.sessionId}/review`, {
      scores: { accuracy: 5, clarity: 4, actions: 3 },
      comment: 'Good catch on the Acme accrual.',
    });
    expect(response.status).toBe(201);
    // The notice job tried, was refused, and is retried once the connector is back.
    const deadline = Date.now() + 10_000;
    while (refused === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(refused).toBeGreaterThan(0);
    connector.intercept = null;

    const notice = await waitForCard(chat.jordan, before, 'Your deliverable was reviewed');
    expect(notice).toContain('Notice test memo');
    expect(notice).toContain(`${people.rahul.displayName} scored it 4.0 of 5.`);
    expect(notice).toContain('Accuracy: 5 of 5');
    expect(notice).toContain('Actions: 3 of 5');
    expect(notice).toContain('Good catch on the Acme accrual.');
  });

  it('tells the manager when a report shares from the tab, and skips a reviewer the bot cannot reach', async () => {
    await chat.rahul.say('help');
    const session: Session = newSession({
      tenantId: DEMO_TENANT.id,
      personId: people.jordan.id,
      workflowId,
      workflowVersionId: versionId,
      status: 'completed',
      phase: 'done',
      deliverable: '# Memo',
      feedback: feedback(false),
      completedAt: new Date(),
    });
    await server.store.sessions.create(session);
    const before = chat.rahul.received.length;
    expect((await api(people.jordan, 'POST', `/sessions/${session.id}/share`)).status).toBe(200);

    const notice = await waitForCard(chat.rahul, before, 'A deliverable to review');
    expect(notice).toContain(`${people.jordan.displayName} shared their deliverable with you for review.`);
    // Nadia, the author, never talked to the bot: nothing is sent to her, and the job still finishes.
    expect(connector.sent.filter((sent) => sent.conversationId === `a:${people.nadia.aadObjectId}`)).toEqual(
      [],
    );
  });
});
