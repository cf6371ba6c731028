import {
  DAY_MS,
  nudgePlanPayload,
  publishWorkflow,
  randomIds,
  type NudgePlan,
  type Person,
} from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { NUDGE_SEND_JOB } from '../../server/jobs';
import { workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { TeamsUser } from '../support/teams-user';
import { cardsSaying, eventually, ManualClock, nudgeJobs, pause } from './nudge-test-kit';

describe.each(testDatabaseKinds())('nudges when Teams asks the bot to slow down, on %s', (kind) => {
  // Wednesday 2 December 2026, 11:00 UTC: working hours in the tenant's zone (UTC).
  const clock = new ManualClock(Date.parse('2026-12-02T11:00:00Z'));
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let jordan: Person;
  let chat: TeamsUser;
  let workflowId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, {}, { llm: null, clock });
    connector = await startLocalConnector();
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    jordan = await byEmail('jordan.ellis');
    chat = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: jordan.aadObjectId,
      displayName: jordan.displayName,
    });
    await chat.say('help');
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

  const queue = (plan: Pick<NudgePlan, 'personId' | 'key'>) =>
    server.store.jobs.enqueue({
      tenantId: DEMO_TENANT.id,
      kind: NUDGE_SEND_JOB,
      payload: nudgePlanPayload({
        kind: 'toward_l2',
        runAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 3 * DAY_MS),
        data: { workflowId, runs: 1 },
        ...plan,
      }),
      runAt: clock.now(),
      uniqueKey: `nudge:${plan.key}`,
    });

  it('waits as long as a 429’s Retry-After asks, then sends the nudge once', async () => {
    let refused = 0;
    connector.intercept = ({ conversationId }) => {
      if (conversationId !== chat.conversationId || refused > 0) return null;
      refused++;
      return {
        status: 429,
        headers: { 'retry-after': '90' },
        body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
      };
    };
    await queue({ personId: jordan.id, key: 'throttled-1' });
    const [waiting] = await eventually(async () => {
      const rows = await nudgeJobs(server.database.db, 'nudge:throttled-1');
      return rows[0]?.attempts === 1 && rows[0].status === 'queued' ? rows : null;
    }, 'the refused send to be queued again');
    // Teams' 90 seconds, not the worker's own first backoff (1 to 2 seconds).
    expect(new Date(waiting!.run_at).toISOString()).toBe('2026-12-02T11:01:30.000Z');

    clock.set('2026-12-02T11:01:00Z');
    await pause(500);
    expect(cardsSaying(chat, 'makes it a habit')).toEqual([]);

    clock.set('2026-12-02T11:01:30Z');
    await eventually(() => cardsSaying(chat, 'makes it a habit').length === 1, 'the nudge after the wait');
    await eventually(
      async () => (await nudgeJobs(server.database.db, 'nudge:throttled-1'))[0]?.status === 'done',
      'the job to be done',
    );
    expect(refused).toBe(1);
    connector.intercept = null;
  });
});
