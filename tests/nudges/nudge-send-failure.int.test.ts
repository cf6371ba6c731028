import {
  DAY_MS,
  nudgePlanPayload,
  publishWorkflow,
  randomIds,
  silentLogger,
  type Job,
  type NudgeStore,
  type Person,
} from '../../core';
import type { ConversationMessenger } from '../../bot';
import { DEMO_TENANT } from '../../server/demo';
import { nudgeSendJob, NUDGE_SEND_JOB } from '../../server/jobs';
import { nudgeRepository } from '../../store';
import { workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { TeamsUser } from '../support/teams-user';
import { ManualClock } from './nudge-test-kit';

describe.each(testDatabaseKinds())('a nudge whose send fails after it was claimed, on %s', (kind) => {
  // Wednesday 2 December 2026, 11:00 UTC: working hours in the tenant's zone (UTC).
  const clock = new ManualClock(Date.parse('2026-12-02T11:00:00Z'));
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let aisha: Person;
  let workflowId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, {}, { llm: null, clock });
    connector = await startLocalConnector();
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    aisha = await byEmail('aisha.khan');
    // Saying something gives the bot her conversation, so she can be nudged.
    await new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: aisha.aadObjectId,
      displayName: aisha.displayName,
    }).say('help');
    const published = await publishWorkflow({
      store: server.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: (await byEmail('nadia.haddad')).id,
      definition: workflowDefinition({ title: 'Board update draft' }),
    });
    workflowId = published.workflow.id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  // Run by hand (never enqueued), so the server's own worker does not race these attempts.
  const attempt = (key: string, attempts: number): Job => ({
    id: randomIds.uuid(),
    tenantId: DEMO_TENANT.id,
    kind: NUDGE_SEND_JOB,
    payload: nudgePlanPayload({
      kind: 'toward_l2',
      personId: aisha.id,
      key,
      runAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 3 * DAY_MS),
      data: { workflowId, runs: 1 },
    }),
    status: 'running',
    attempts,
    maxAttempts: 8,
    runAt: clock.now(),
    leaseUntil: null,
    lockedBy: 'test',
    lastError: null,
    uniqueKey: `nudge:${key}`,
  });

  it('gives its claim back when the send slot cannot be taken, so the retry sends it', async () => {
    const repository = nudgeRepository(server.database.db);
    let slotFailures = 1;
    const nudges: NudgeStore = {
      ...repository,
      async takeSendSlot(...args) {
        if (slotFailures-- > 0) throw new Error('Connection terminated unexpectedly');
        return repository.takeSendSlot(...args);
      },
    };
    const sent: string[] = [];
    const messenger: ConversationMessenger = {
      async sendCard(reference) {
        sent.push(reference.conversationId);
        return `sent-${sent.length}`;
      },
      async updateCard() {},
    };
    const job = nudgeSendJob({
      store: server.store,
      nudges,
      messenger,
      ids: randomIds,
      reviewsUrl: '/reviews',
    });
    const context = { signal: new AbortController().signal, logger: silentLogger, now: clock.now() };

    await expect(job.run(attempt('slot-fails-once', 1), context)).rejects.toThrow('Connection terminated');
    expect(sent).toEqual([]);
    // Not counted against her weekly limit while it is not sent.
    expect(
      await repository.sentSince(DEMO_TENANT.id, aisha.id, new Date(clock.now().getTime() - DAY_MS)),
    ).toEqual([]);

    await job.run(attempt('slot-fails-once', 2), context);
    expect(sent).toEqual([`a:${aisha.aadObjectId}`]);
    expect(
      await repository.sentSince(DEMO_TENANT.id, aisha.id, new Date(clock.now().getTime() - DAY_MS)),
    ).toHaveLength(1);
  });
});
