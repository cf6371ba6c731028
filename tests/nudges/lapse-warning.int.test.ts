import { publishWorkflow, randomIds, type Person } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { NUDGE_DAILY_PLAN_JOB } from '../../server/jobs';
import { metricEvents } from '../metrics/metric-events';
import { newSession, workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { cardText, TeamsUser } from '../support/teams-user';
import {
  cardSaying,
  cardsSaying,
  eventually,
  finishedRuns,
  ManualClock,
  nudgeJobs,
  pause,
  startButtons,
} from './nudge-test-kit';

describe.each(testDatabaseKinds())('the lapse warning on %s', (kind) => {
  // Friday 27 November 2026, 10:00 UTC.
  const clock = new ManualClock(Date.parse('2026-11-27T10:00:00Z'));
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
    const nadia = await byEmail('nadia.haddad');
    chat = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: jordan.aadObjectId,
      displayName: jordan.displayName,
    });
    await chat.say('help', { localTimezone: 'Europe/Berlin' });
    const published = await publishWorkflow({
      store: server.store,
      clock: { now: () => new Date('2026-09-01T09:00:00Z') },
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: nadia.id,
      definition: workflowDefinition({ title: 'Forecast check' }),
    });
    workflowId = published.workflow.id;
    // Jordan reached L2 in Analysis & reporting with three well-rated runs on three Wednesdays, the last on
    // 7 October, and has not run anything in that area since: 60 days later, on 6 December, it lapses.
    const events = metricEvents(server.store, DEMO_TENANT.id);
    const rating = { meanRating: 4, minutesTaken: 12, manualMinutes: 45, savedTimeGoesTo: 'customers' };
    for (const completedAt of ['2026-09-23T08:00:00Z', '2026-09-30T08:00:00Z', '2026-10-07T08:00:00Z'])
      await events.run({
        person: jordan.id,
        workflow: published.workflow,
        completedAt,
        activeMinutes: 12,
        manualMinutes: 45,
        rating,
      });
    await server.store.sessions.create(
      newSession({
        tenantId: DEMO_TENANT.id,
        personId: jordan.id,
        workflowId,
        workflowVersionId: published.version.id,
        status: 'completed',
        phase: 'done',
        completedAt: new Date('2026-10-07T08:00:00Z'),
      }),
    );
    const levels = await server.store.levels.listForPerson(DEMO_TENANT.id, jordan.id);
    expect(levels.map((row) => [row.skillArea, row.level])).toEqual([['analysis', 2]]);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const warningKey = () => `nudge:lapse_warning:${jordan.id}:analysis:%`;

  it('warns 7 days before an L2 would lapse, on the next working morning, once, with the workflow to run', async () => {
    // Friday 27 November: nine days ahead, nothing is planned yet (the daily planner ran at start-up).
    await eventually(
      async () => (await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB)) === 1,
      'the first daily planner run',
    );
    expect(await nudgeJobs(server.database.db, warningKey())).toEqual([]);

    // Sunday 29 November, 10:00 UTC: the daily planner sees the lapse on 6 December, within 7 days. It is a
    // Sunday, so the warning waits for Monday 09:00 in Berlin.
    clock.set('2026-11-29T10:00:00Z');
    const [planned] = await eventually(async () => {
      const rows = await nudgeJobs(server.database.db, warningKey());
      return rows.length > 0 ? rows : null;
    }, 'the warning to be planned');
    expect(planned!.unique_key).toBe(`nudge:lapse_warning:${jordan.id}:analysis:2026-12-06`);
    await eventually(
      async () => (await nudgeJobs(server.database.db, `${warningKey()}@%`)).length === 1,
      'the warning to wait for working hours',
    );
    await pause(300);
    expect(cardsSaying(chat, 'lapses on')).toEqual([]);

    clock.set('2026-11-30T08:00:00Z');
    const warning = await cardSaying(chat, 'lapses on');
    expect(cardText(warning)).toBe(
      [
        'Your Level 2 in Analysis & reporting lapses on 2026-12-06',
        'One run of “Forecast check” before then keeps it.',
        'Reply “stop lapse warnings” to stop these, or “stop nudges” to stop all reminders.',
      ].join('\n'),
    );
    expect(startButtons(warning)).toEqual([`"op":"start","workflowId":"${workflowId}"`]);

    // The next day's planner finds the same lapse: it is not sent again.
    const runsBefore = await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB);
    clock.set('2026-12-01T10:00:00Z');
    await eventually(
      async () => (await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB)) > runsBefore,
      'the next daily planner run',
    );
    await pause(500);
    expect(cardsSaying(chat, 'lapses on')).toHaveLength(1);
  });
});
