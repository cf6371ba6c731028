import {
  DAY_MS,
  nudgePlanPayload,
  publishWorkflow,
  randomIds,
  type NudgePlan,
  type Person,
} from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { NUDGE_DAILY_PLAN_JOB, NUDGE_SEND_JOB } from '../../server/jobs';
import { workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { TeamsUser } from '../support/teams-user';
import { cardsSaying, eventually, finishedRuns, ManualClock, nudgeJobs, pause } from './nudge-test-kit';

describe.each(testDatabaseKinds())('nudges when Teams asks the bot to slow down, on %s', (kind) => {
  // Wednesday 2 December 2026, 11:00 UTC: working hours in the tenant's zone (UTC).
  const clock = new ManualClock(Date.parse('2026-12-02T11:00:00Z'));
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let jordan: Person;
  let chat: TeamsUser;
  let others: { person: Person; chat: TeamsUser }[];
  let workflowId: string;

  beforeAll(async () => {
    // Four a second here (20 by default), so the spacing stands out from HTTP latency on a busy machine.
    server = await startTestServer(kind, { NUDGE_SENDS_PER_SECOND: '4' }, { llm: null, clock });
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
    // Five Finance colleagues with the app installed, for the send rate.
    const finance = (await server.store.people.list(DEMO_TENANT.id)).filter(
      (person) => person.active && person.department === 'Finance' && person.id !== jordan.id,
    );
    others = finance.slice(0, 5).map((person) => ({
      person,
      chat: new TeamsUser(server.url, connector, {
        tenantId: DEMO_TENANT.id,
        aadObjectId: person.aadObjectId,
        displayName: person.displayName,
      }),
    }));
    for (const other of others) await other.chat.say('help');
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

  it('waits as long as a 429’s Retry-After asks, holding the tenant’s other nudges too, then sends each once', async () => {
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

    // Teams' limit is per app per tenant: a nudge to someone else queued meanwhile waits as long.
    const colleague = others[0]!;
    await queue({ personId: colleague.person.id, key: 'throttled-2' });
    await eventually(async () => {
      const rows = await nudgeJobs(server.database.db, 'nudge:throttled-2@%');
      return rows.length === 1 && new Date(rows[0]!.run_at).toISOString() === '2026-12-02T11:01:30.000Z';
    }, 'the other nudge to wait for the same moment');

    clock.set('2026-12-02T11:01:00Z');
    await pause(500);
    expect(cardsSaying(chat, 'makes it a habit')).toEqual([]);
    expect(cardsSaying(colleague.chat, 'makes it a habit')).toEqual([]);

    clock.set('2026-12-02T11:01:30Z');
    await eventually(() => cardsSaying(chat, 'makes it a habit').length === 1, 'the nudge after the wait');
    await eventually(
      () => cardsSaying(colleague.chat, 'makes it a habit').length === 1,
      'the other nudge after the wait',
    );
    await eventually(
      async () => (await nudgeJobs(server.database.db, 'nudge:throttled-1'))[0]?.status === 'done',
      'the job to be done',
    );
    expect(refused).toBe(1);
    connector.intercept = null;
  });

  it('spaces a tenant’s nudges to keep to the per-tenant rate', async () => {
    // The day's planners run first: PGlite shares this process, and their queries would delay the posts.
    const plannerRuns = await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB);
    clock.set('2026-12-03T10:00:00Z');
    await eventually(
      async () => (await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB)) > plannerRuns,
      'the daily planner',
    );
    await pause(500);
    const reminders = (user: TeamsUser) =>
      user.received.filter((sent) => JSON.stringify(sent.activity).includes('makes it a habit'));
    const before = others.map((other) => reminders(other.chat).length);
    for (const [index, other] of others.entries())
      await queue({ personId: other.person.id, key: `burst-${index}` });
    const cards = await eventually(() => {
      const received = others.map((other, index) => reminders(other.chat)[before[index]!]);
      return received.every(Boolean) ? received : null;
    }, 'a nudge to each of five people');
    const times = cards.map((sent) => sent!.receivedAt!).sort((a, b) => a - b);
    // Slots 250 ms apart whatever the worker's concurrency: a second from the first post to the fifth. These are
    // arrival times at the local connector, where one post may land up to ~100 ms late under load (917 ms seen in
    // CI), so the bounds allow a slot's jitter; unthrottled, all five arrive within a few milliseconds.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(750);
    for (let index = 1; index < times.length; index++)
      expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(125);
  });
});
