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
} from './nudge-test-kit';

describe.each(testDatabaseKinds())('the author’s weekly summary on %s', (kind) => {
  // Saturday 5 December 2026, 10:00 UTC.
  const clock = new ManualClock(Date.parse('2026-12-05T10:00:00Z'));
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let nadia: Person;
  let chat: TeamsUser;

  beforeAll(async () => {
    server = await startTestServer(kind, {}, { llm: null, clock });
    connector = await startLocalConnector();
    const everyone = (await server.store.people.list(DEMO_TENANT.id)).filter((person) => person.active);
    nadia = everyone.find((person) => person.email === 'nadia.haddad@northwind.example')!;
    const colleagues = everyone.filter((person) => person.id !== nadia.id).slice(0, 6);
    chat = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: nadia.aadObjectId,
      displayName: nadia.displayName,
    });
    await chat.say('help', { localTimezone: 'Europe/London' });
    const publish = async (title: string) =>
      (
        await publishWorkflow({
          store: server.store,
          clock,
          ids: randomIds,
          tenantId: DEMO_TENANT.id,
          authorId: nadia.id,
          definition: workflowDefinition({ title }),
        })
      ).workflow;
    const memo = await publish('Variance memo');
    const forecast = await publish('Cash forecast');
    await publish('Audit prep'); // nobody ran it this week: not in the summary

    const events = metricEvents(server.store, DEMO_TENANT.id);
    const run = async (
      person: Person,
      workflow: Workflow,
      completedAt: string,
      meanRating: number,
      whatBroke: { stepId: string | null; text: string } | null = null,
    ) => {
      const session = await events.run({
        person: person.id,
        workflow,
        completedAt,
        activeMinutes: 20,
        manualMinutes: 90,
      });
      await events.append('session.rated', completedAt, {
        person: person.id,
        session,
        workflow: workflow.id,
        data: {
          meanRating,
          minutesTaken: 20,
          manualMinutes: 90,
          savedTimeGoesTo: null,
          ...(whatBroke ? { whatBroke } : {}),
        },
      });
    };
    // Five colleagues ran the memo this week: the scores and the notes are shown.
    const ratings = [4, 5, 3, 4, 4];
    for (const [index, person] of colleagues.slice(0, 5).entries())
      await run(person, memo, `2026-12-0${1 + (index % 3)}T10:00:00Z`, ratings[index]!, null);
    await run(colleagues[0]!, memo, '2026-12-04T10:00:00Z', 2, {
      stepId: 'draft',
      text: 'The draft used last quarter’s figures.',
    });
    await run(colleagues[1]!, memo, '2026-12-04T11:00:00Z', 3, {
      stepId: null,
      text: 'Took longer than by hand.',
    });
    // Two ran the forecast: no score and no note text, only how often a step was named.
    await run(colleagues[4]!, forecast, '2026-12-02T10:00:00Z', 4, {
      stepId: 'check',
      text: 'Totals did not add up.',
    });
    await run(colleagues[5]!, forecast, '2026-12-03T10:00:00Z', 2, {
      stepId: 'check',
      text: 'Names Jo as owner.',
    });
    // Before the week: not counted.
    await run(colleagues[5]!, memo, '2026-11-27T10:00:00Z', 1, {
      stepId: 'draft',
      text: 'An old complaint.',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  it('tells an author on Monday how their workflows did last week, with what broke per step, once', async () => {
    clock.set('2026-12-06T10:00:00Z');
    const [planned] = await eventually(async () => {
      const rows = await nudgeJobs(server.database.db, `nudge:author_summary:${nadia.id}:%`);
      return rows.length > 0 ? rows : null;
    }, 'the summary to be planned');
    expect(planned!.unique_key).toBe(`nudge:author_summary:${nadia.id}:2026-12-07`);
    expect(new Date(planned!.run_at).toISOString()).toBe('2026-12-07T09:00:00.000Z');

    clock.set('2026-12-07T09:00:00Z');
    const summary = await cardSaying(chat, 'Your workflows in the last 7 days');
    expect(cardText(summary)).toBe(
      [
        'Your workflows in the last 7 days',
        '**“Variance memo”**: 7 runs started, 7 completed (by 5 colleagues). Mean score 3.6 of 5.',
        'What broke (“Draft the memo”): “The draft used last quarter’s figures.”',
        'What broke (no step named): “Took longer than by hand.”',
        '**“Cash forecast”**: 2 runs started, 2 completed (by 2 colleagues).',
        '“What broke” named “Check figures” 2 times.',
        'Scores and notes are shown when 5 or more people ran it in the week.',
        'The Workflows page in the Practica tab shows each step’s regenerations and edits.',
        'Reply “stop author summary” to stop these, or “stop nudges” to stop all reminders.',
      ].join('\n'),
    );

    // Tuesday's planner plans the same week's summary: it is not sent again.
    const before = await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB);
    clock.set('2026-12-08T10:00:00Z');
    await eventually(
      async () => (await finishedRuns(server.database.db, NUDGE_DAILY_PLAN_JOB)) > before,
      'the next daily planner run',
    );
    await pause(500);
    expect(cardsSaying(chat, 'Your workflows in the last 7 days')).toHaveLength(1);
  });
});
