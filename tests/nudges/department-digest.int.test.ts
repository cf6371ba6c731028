import { publishWorkflow, randomIds, type Person, type Workflow } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { NUDGE_DAILY_PLAN_JOB } from '../../server/jobs';
import { metricEvents } from '../metrics/metric-events';
import { workflowDefinition } from '../factories';
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

describe.each(testDatabaseKinds())('the department digest on %s', (kind) => {
  // Friday 4 December 2026, 10:00 UTC.
  const clock = new ManualClock(Date.parse('2026-12-04T10:00:00Z'));
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let jordan: Person;
  let chat: TeamsUser;
  const workflows = {} as Record<'board' | 'memo' | 'solo' | 'weak', Workflow>;

  beforeAll(async () => {
    server = await startTestServer(kind, {}, { llm: null, clock });
    connector = await startLocalConnector();
    const everyone = (await server.store.people.list(DEMO_TENANT.id)).filter((person) => person.active);
    jordan = everyone.find((person) => person.email === 'jordan.ellis@northwind.example')!;
    const finance = everyone.filter((person) => person.department === 'Finance' && person.id !== jordan.id);
    const sales = everyone.find((person) => person.department === 'Sales')!;
    expect(finance.length).toBeGreaterThanOrEqual(7);
    chat = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: jordan.aadObjectId,
      displayName: jordan.displayName,
    });
    await chat.say('help', { localTimezone: 'Europe/Berlin' });
    const titles = {
      board: 'Board update draft',
      memo: 'Variance memo',
      solo: 'Cash forecast',
      weak: 'Audit prep',
    };
    for (const [key, title] of Object.entries(titles) as [keyof typeof titles, string][])
      workflows[key] = (
        await publishWorkflow({
          store: server.store,
          clock,
          ids: randomIds,
          tenantId: DEMO_TENANT.id,
          authorId: sales.id,
          definition: workflowDefinition({ title }),
        })
      ).workflow;

    const events = metricEvents(server.store, DEMO_TENANT.id);
    const run = (person: Person, workflow: Workflow, completedAt: string, meanRating: number) =>
      events.run({
        person: person.id,
        workflow,
        completedAt,
        activeMinutes: 30,
        manualMinutes: 180,
        rating: { meanRating, minutesTaken: 30, manualMinutes: 180, savedTimeGoesTo: 'customers' },
      });
    // Five Finance colleagues rated the board update highly this week (2.5 h saved each); one more did so
    // eight days before the digest, and someone in Sales this week: neither counts.
    for (const [index, person] of finance.slice(0, 5).entries())
      await run(person, workflows.board, `2026-12-0${1 + (index % 3)}T10:00:00Z`, 4 + (index % 2));
    await run(finance[5]!, workflows.board, '2026-11-29T10:00:00Z', 5);
    await run(sales, workflows.board, '2026-12-02T10:00:00Z', 5);
    // Two rated the memo highly: named, with no figure. One rated the forecast highly: not named. Three
    // rated the audit prep 3 of 5: not named.
    await run(finance[0]!, workflows.memo, '2026-12-02T11:00:00Z', 4.5);
    await run(finance[1]!, workflows.memo, '2026-12-03T11:00:00Z', 4);
    await run(finance[2]!, workflows.solo, '2026-12-03T12:00:00Z', 5);
    for (const person of finance.slice(3, 6)) await run(person, workflows.weak, '2026-12-02T12:00:00Z', 3);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const digestJobs = () => nudgeJobs(server.database.db, `nudge:social_proof:${jordan.id}:%`);

  it('is sent only to someone who asked for it, once a week, in the words of the issue and within the privacy rule', async () => {
    await eventually(
      async () => (await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB)) === 1,
      'the first daily planner run',
    );
    expect(await digestJobs()).toEqual([]);

    const [answer] = await chat.say('start department digest');
    expect(answer!.activity.text).toBe('Done: the department digest is on.');

    // Saturday's planner plans it for the coming week: Monday 09:00 in Berlin.
    clock.set('2026-12-05T04:00:00Z');
    const [planned] = await eventually(async () => {
      const rows = await digestJobs();
      return rows.length > 0 ? rows : null;
    }, 'the digest to be planned');
    expect(planned!.unique_key).toBe(`nudge:social_proof:${jordan.id}:2026-12-07`);
    expect(new Date(planned!.run_at).toISOString()).toBe('2026-12-07T08:00:00.000Z');

    clock.set('2026-12-07T08:00:00Z');
    const digest = await cardSaying(chat, 'What colleagues in Finance rated highly');
    expect(cardText(digest)).toBe(
      [
        'What colleagues in Finance rated highly',
        '5 people in Finance used “Board update draft” in the last 7 days, saving 2.5 h each.',
        'Colleagues in Finance used “Variance memo” in the last 7 days and rated it highly.',
        'Reply “stop department digest” to stop these, or “stop nudges” to stop all reminders.',
      ].join('\n'),
    );
    expect(startButtons(digest)).toEqual([
      `"op":"start","workflowId":"${workflows.board.id}"`,
      `"op":"start","workflowId":"${workflows.memo.id}"`,
    ]);

    // Monday's own planner run plans the same week's digest: it is not sent again.
    const runsBefore = await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB);
    clock.set('2026-12-08T10:00:00Z');
    await eventually(
      async () => (await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB)) > runsBefore,
      'the next daily planner run',
    );
    await pause(500);
    expect(cardsSaying(chat, 'What colleagues in Finance rated highly')).toHaveLength(1);
  });
});
