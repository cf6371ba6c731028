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
import { runToFeedback } from '../bot/session-driver';
import { workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { cardText, TeamsUser } from '../support/teams-user';
import { cardsSaying, eventually, ManualClock, nudgeJobs, pause, startButtons } from './nudge-test-kit';

describe.each(testDatabaseKinds())(
  'nudges on %s: the bot follows up on its own, within the rules',
  (kind) => {
    // Monday 30 November 2026, 10:00 UTC.
    const clock = new ManualClock(Date.parse('2026-11-30T10:00:00Z'));
    let server: TestServer;
    let connector: Awaited<ReturnType<typeof startLocalConnector>>;
    let people: Record<'jordan' | 'rahul' | 'nadia', Person>;
    let chat: Record<'jordan' | 'rahul' | 'nadia', TeamsUser>;
    let workflowId: string;

    beforeAll(async () => {
      server = await startTestServer(kind, {}, { llm: null, clock });
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
      chat = { jordan: userOf(people.jordan), rahul: userOf(people.rahul), nadia: userOf(people.nadia) };
      const base = workflowDefinition({ title: 'Variance memo' });
      const published = await publishWorkflow({
        store: server.store,
        clock,
        ids: randomIds,
        tenantId: DEMO_TENANT.id,
        authorId: people.nadia.id,
        definition: {
          ...base,
          steps: base.steps.map((step) =>
            step.kind === 'generate'
              ? { ...step, tips: 'Paste the ledger extract, not a summary of it.' }
              : step,
          ),
        },
      });
      workflowId = published.workflow.id;
      // Managers' digests are switched off for the tenant until their own test, so they do not count against
      // the weekly limit the other tests measure.
      expect((await settings({ nudges: { kinds: { manager_digest: false } } })).status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await connector?.close();
    });

    const settings = async (change: unknown) => {
      const admin = (await server.store.people.list(DEMO_TENANT.id)).find((person) =>
        person.roles.includes('admin'),
      )!;
      return fetch(`${server.url}/api/v1/admin/settings`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${await server.devTokens!.issue(admin)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(change),
      });
    };

    const queue = (plan: Omit<NudgePlan, 'runAt' | 'expiresAt'> & { runAt?: Date; expiresAt?: Date }) =>
      server.store.jobs.enqueue({
        tenantId: DEMO_TENANT.id,
        kind: NUDGE_SEND_JOB,
        payload: nudgePlanPayload({
          runAt: clock.now(),
          expiresAt: new Date(clock.now().getTime() + 10 * DAY_MS),
          ...plan,
        }),
        runAt: plan.runAt ?? clock.now(),
        uniqueKey: `nudge:${plan.key}`,
      });

    it('follows up a low-rated session the next working morning in the person’s time zone, once', async () => {
      await chat.jordan.say('help', { localTimezone: 'Europe/Berlin' });
      await chat.nadia.say('help', { localTimezone: 'Europe/London' });
      const first = await chat.jordan.click({ op: 'start', workflowId }, {}, { replyToId: 'nudge-card' });
      await runToFeedback(chat.jordan, first, { ratings: 2, replyToId: 'nudge-card' });

      // The planner runs every 15 minutes of the clock: it queues the follow-up for Tuesday 09:00 in Berlin.
      clock.set('2026-11-30T10:20:00Z');
      const [job] = await eventually(async () => {
        const rows = await nudgeJobs(server.database.db, 'nudge:low_rating_follow_up:%');
        return rows.length > 0 ? rows : null;
      }, 'the follow-up to be planned');
      expect(new Date(job!.run_at).toISOString()).toBe('2026-12-01T08:00:00.000Z');
      await pause(300);
      expect(cardsSaying(chat.jordan, 'did not go well')).toEqual([]);

      clock.set('2026-12-01T08:01:00Z');
      const [followUp] = await eventually(() => {
        const cards = cardsSaying(chat.jordan, 'did not go well');
        return cards.length > 0 ? cards : null;
      }, 'the follow-up card');
      const said = cardText(followUp!);
      expect(said).toContain('“Variance memo” did not go well yesterday: worth one more try');
      expect(said).toContain('Paste the ledger extract, not a summary of it.');
      expect(said).toContain('Reply “stop follow-ups” to stop these');
      expect(startButtons(followUp!)).toEqual([`"op":"start","workflowId":"${workflowId}"`]);
      // Nadia, the author, heard on Monday already (in working hours) that a colleague reused her workflow.
      const [reuse] = cardsSaying(chat.nadia, 'was reused');
      expect(cardText(reuse!)).toContain('Your workflow “Variance memo” was reused');
      expect(cardText(reuse!)).toContain('A colleague completed it this week.');

      // Another planner pass over the same events, later that day, sends nothing more.
      clock.set('2026-12-01T09:30:00Z');
      await pause(600);
      expect(cardsSaying(chat.jordan, 'did not go well')).toHaveLength(1);
    });

    it('reminds after a first run in the next week with a card that starts the workflow', async () => {
      // Jordan's run on Monday 30 November: the reminder is for the week of 7 December, 09:00 Berlin.
      const [job] = await nudgeJobs(
        server.database.db,
        `nudge:toward_l2:${people.jordan.id}:${workflowId}:1`,
      );
      expect(new Date(job!.run_at).toISOString()).toBe('2026-12-07T08:00:00.000Z');
      clock.set('2026-12-07T08:00:00Z');
      const [reminder] = await eventually(() => {
        const cards = cardsSaying(chat.jordan, 'makes it a habit');
        return cards.length > 0 ? cards : null;
      }, 'the practice reminder');
      expect(cardText(reminder!)).toContain('One more run of “Variance memo” this week makes it a habit');
      expect(cardText(reminder!)).toContain('You have run it once.');
      expect(startButtons(reminder!)).toEqual([`"op":"start","workflowId":"${workflowId}"`]);
    });

    it('waits for working hours, sends at most two in any week, and stops when the person replies "stop"', async () => {
      // Tuesday 8 December, 08:00 UTC: 03:00 in New York, where Rahul works.
      clock.set('2026-12-08T08:00:00Z');
      await chat.rahul.say('help', { localTimezone: 'America/New_York' });
      for (const n of [1, 2, 3])
        await queue({
          kind: 'toward_l2',
          personId: people.rahul.id,
          key: `limit-test-${n}`,
          data: { workflowId, runs: 1 },
        });
      await pause(600);
      expect(cardsSaying(chat.rahul, 'makes it a habit')).toEqual([]);

      // 09:00 in New York: two go out; the third waits a week after the first.
      clock.set('2026-12-08T14:00:00Z');
      await eventually(() => cardsSaying(chat.rahul, 'makes it a habit').length === 2, 'two reminders');
      const waiting = await eventually(async () => {
        const rows = (await nudgeJobs(server.database.db, 'nudge:limit-test-%@%')).filter(
          (row) => row.status === 'queued',
        );
        return rows.length === 1 ? rows : null;
      }, 'the third to wait');
      expect(new Date(waiting[0]!.run_at).toISOString()).toBe('2026-12-15T14:00:00.000Z');

      const answer = await chat.rahul.say('stop practice reminders');
      expect(answer.map((sent) => sent.activity.text)).toEqual([
        'Done: no more practice reminders. Reply “start practice reminders” to have them back.',
      ]);
      clock.set('2026-12-15T14:05:00Z');
      await eventually(async () => {
        const rows = await nudgeJobs(server.database.db, 'nudge:limit-test-%@%');
        return rows.every((row) => row.status === 'done') ? rows : null;
      }, 'the third to be dropped');
      expect(cardsSaying(chat.rahul, 'makes it a habit')).toHaveLength(2);
    });

    it('marks someone who uninstalled the app as unreachable on a 403 and never retries them', async () => {
      clock.set('2026-12-16T10:00:00Z');
      await chat.nadia.say('help', { localTimezone: 'Europe/London' });
      let refused = 0;
      connector.intercept = ({ conversationId }) => {
        if (conversationId !== chat.nadia.conversationId) return null;
        refused++;
        return {
          status: 403,
          body: { error: { code: 'Forbidden', message: 'The bot is not part of the conversation roster.' } },
        };
      };
      await queue({
        kind: 'toward_l2',
        personId: people.nadia.id,
        key: 'uninstalled-1',
        data: { workflowId, runs: 1 },
      });
      const [failed] = await eventually(async () => {
        const rows = await nudgeJobs(server.database.db, 'nudge:uninstalled-1');
        return rows[0]?.status === 'failed' ? rows : null;
      }, 'the send to fail for good');
      expect(failed!.attempts).toBe(1);
      expect(refused).toBe(1);

      // Later nudges are not even tried, and the admin API counts Nadia as unreachable.
      await queue({
        kind: 'toward_l2',
        personId: people.nadia.id,
        key: 'uninstalled-2',
        data: { workflowId, runs: 1 },
      });
      await eventually(
        async () => (await nudgeJobs(server.database.db, 'nudge:uninstalled-2'))[0]?.status === 'done',
        'the second job',
      );
      clock.set('2026-12-17T10:00:00Z');
      await pause(500);
      expect(refused).toBe(1);
      connector.intercept = null;

      const everyone = (await server.store.people.list(DEMO_TENANT.id)).filter((person) => person.active);
      const admin = everyone.find((person) => person.roles.includes('admin'))!;
      const reach = await fetch(`${server.url}/api/v1/admin/nudges/reach`, {
        headers: { authorization: `Bearer ${await server.devTokens!.issue(admin)}` },
      });
      expect(await reach.json()).toEqual({
        activePeople: everyone.length,
        reachable: 2, // Jordan and Rahul: Nadia's chat was refused, the others never talked to the bot
        unreachable: everyone.length - 2,
      });
      const asEmployee = await fetch(`${server.url}/api/v1/admin/nudges/reach`, {
        headers: { authorization: `Bearer ${await server.devTokens!.issue(people.jordan)}` },
      });
      expect(asEmployee.status).toBe(403);

      // Reinstalling the app makes Nadia reachable again.
      await chat.nadia.say('help', { type: 'installationUpdate', action: 'add', text: undefined });
      const again = await fetch(`${server.url}/api/v1/admin/nudges/reach`, {
        headers: { authorization: `Bearer ${await server.devTokens!.issue(admin)}` },
      });
      expect(((await again.json()) as { reachable: number }).reachable).toBe(3);
    });

    it('sends a manager their weekly digest once, when the L&D admin switches it on', async () => {
      const reports = (await server.store.people.list(DEMO_TENANT.id)).filter(
        (person) => person.active && person.managerId === people.rahul.id,
      );
      expect(reports.length).toBeGreaterThan(0);
      expect((await settings({ nudges: { kinds: { manager_digest: true } } })).status).toBe(200);
      // Friday 18 December, 09:30 in New York: the daily planner runs and the digest goes out.
      clock.set('2026-12-18T14:30:00Z');
      const [digest] = await eventually(() => {
        const cards = cardsSaying(chat.rahul, 'Your team this week');
        return cards.length > 0 ? cards : null;
      }, 'the manager digest');
      const said = cardText(digest!);
      expect(said).toContain(`0 of your ${reports.length} reports completed a workflow in the last 7 days.`);
      expect(said).toContain('Reply “stop manager digest” to stop these');

      // The next day's planner plans the same week's digest again: it is not sent twice.
      clock.set('2026-12-19T14:30:00Z');
      await pause(1_500);
      expect(cardsSaying(chat.rahul, 'Your team this week')).toHaveLength(1);
    });

    it('refuses nudge settings that make no sense, and keeps what was stored', async () => {
      const backwards = await settings({ nudges: { workingHours: { startHour: 18, endHour: 9 } } });
      expect(backwards.status).toBe(400);
      const unknownKind = await settings({ nudges: { kinds: { birthday_wishes: true } } });
      expect(unknownKind.status).toBe(400);
      const stored = await server.store.tenants.get(DEMO_TENANT.id);
      expect(stored!.settings.nudges).toEqual({ kinds: { manager_digest: true } });
    });
  },
);
