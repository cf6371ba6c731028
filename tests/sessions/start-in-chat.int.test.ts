import { randomUUID } from 'node:crypto';
import { publishWorkflow, randomIds, systemClock, type Person } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { runToFeedback } from '../bot/session-driver';
import { workflowDefinition } from '../factories';
import { startChat, type Chat } from '../support/chat';
import type { TestServer } from '../support/practica-server';
import { cardOf, cardText, type Card, type TeamsUser } from '../support/teams-user';
import { eventually } from '../support/eventually';

/** "Start in chat" in the tab's library: the session opens at once and the bot posts its first card. */
describe('starting a workflow from the tab, in chat', () => {
  let harness: Chat;
  let server: TestServer;
  let jordan: Person;
  let chat: TeamsUser;
  let workflowId: string;

  beforeAll(async () => {
    harness = await startChat('pglite', {}, { llm: null });
    server = harness.server;
    jordan = (await server.store.people.findByEmail(DEMO_TENANT.id, 'jordan.ellis@northwind.example'))!;
    const nadia = (await server.store.people.findByEmail(DEMO_TENANT.id, 'nadia.haddad@northwind.example'))!;
    chat = harness.userFor('jordan.ellis@northwind.example');
    const published = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: nadia.id,
      definition: workflowDefinition({ title: 'Start-in-chat memo' }),
    });
    workflowId = published.workflow.id;
  });
  afterAll(async () => {
    await harness?.close();
  });

  const start = async (body: unknown, id = workflowId) =>
    fetch(`${server.url}/api/v1/workflows/${id}/start-in-chat`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await server.devTokens!.issue(jordan)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  const firstCards = (since: number): Card[] =>
    chat.received
      .slice(since)
      .map(cardOf)
      .filter(
        (card): card is Card =>
          card !== null && cardText(card).includes('started this from the Practica tab'),
      );

  it('asks someone the bot has never talked to to open the chat first, and opens nothing', async () => {
    const response = await start({ requestId: randomUUID() });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toContain(
      'Open your chat with Practica once',
    );
    expect(await server.store.sessions.findActiveForPerson(DEMO_TENANT.id, jordan.id)).toEqual([]);
  });

  it('opens the session and posts its first card to the chat, once per click, and the employee carries on there', async () => {
    await chat.say('hello');
    const before = chat.received.length;
    const requestId = randomUUID();
    const response = await start({ requestId });
    expect(response.status).toBe(202);
    const started = (await response.json()) as { sessionId: string; alreadyStarted: boolean; chatUrl: null };
    expect(started).toMatchObject({ alreadyStarted: false, chatUrl: null });

    const [first] = await eventually(() => {
      const cards = firstCards(before);
      return cards.length > 0 ? cards : null;
    }, 'the first card in the chat');
    expect(cardText(first!)).toContain('Your figures');
    expect(cardText(first!)).toContain('Paste the table.');

    // A retried request (same requestId) answers with the same session and posts nothing more.
    const again = await start({ requestId });
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ sessionId: started.sessionId, alreadyStarted: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(firstCards(before)).toHaveLength(1);

    // The card works like any step card: the employee finishes the workflow from it.
    await runToFeedback(chat, first!, { ratings: 4, replyToId: 'first-card' });
    const session = await server.store.sessions.get(DEMO_TENANT.id, started.sessionId);
    expect(session?.status).toBe('completed');
  });

  it('refuses an unknown or unpublished workflow and a malformed request, clearly', async () => {
    const unknown = await start({ requestId: randomUUID() }, randomUUID());
    expect(unknown.status).toBe(404);
    const malformed = await start({ requestId: 'twice please' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toContain('requestId');
    const extra = await start({ requestId: randomUUID(), workflowVersion: 3 });
    expect(extra.status).toBe(400);
  });
});
