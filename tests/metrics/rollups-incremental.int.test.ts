import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  DAY_MS,
  defaultTenantSettings,
  metricPeriod,
  recomputeRollups,
  rollupsFromEvents,
  rowDifference,
  withMetricRollups,
  type Person,
  type Store,
  type WeekSums,
  type Workflow,
} from '../../core';
import { sql } from 'drizzle-orm';
import { createStore, toNumber } from '../../store';
import { rowsOf } from '../../store/database';
import { stripeOf } from '../../store/repositories/tenant-week-sums';
import { personProfile } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';
import { metricEvents } from './metric-events';
import { waitUntil } from '../support/eventually';

const START = Date.parse('2026-03-01T20:00:00Z');
const TIME_ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland'];
const DESTINATIONS = ['deeper-analysis', 'customers', 'colleagues', 'learning', 'other', null];

type Action =
  | {
      kind: 'run';
      person: number;
      workflow: number;
      hours: number;
      rated: boolean;
      score: number;
      minutes: number;
      destination: number;
    }
  | { kind: 'review'; run: number; hours: number; score: number }
  | { kind: 'start'; person: number; hours: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('run' as const),
      person: fc.nat(3),
      workflow: fc.nat(1),
      hours: fc.nat(24 * 30),
      rated: fc.boolean(),
      score: fc.integer({ min: 1, max: 5 }),
      minutes: fc.integer({ min: 1, max: 90 }),
      destination: fc.nat(DESTINATIONS.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      run: fc.nat(20),
      hours: fc.nat(24 * 20),
      score: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('start' as const), person: fc.nat(3), hours: fc.nat(24 * 30) }),
  },
);

const hasFigures = (week: WeekSums) =>
  Object.entries(week).some(([key, value]) => key !== 'weekStart' && Math.abs(Number(value)) > 1e-9);

const at = (hours: number) => new Date(START + hours * 3_600_000).toISOString();

describe.each(testDatabaseKinds())('metric rollups kept event by event on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = withMetricRollups(createStore(database.db));
  });
  afterAll(async () => {
    await database.drop();
  });

  it('equal the rollups computed from scratch after any sequence of events, in any time zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TIME_ZONES),
        fc.array(action, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.nat(3)),
        async (timeZone, actions, perTransaction, leaver) => {
          const tenantId = randomUUID();
          await store.tenants.ensure({
            id: tenantId,
            displayName: 'Random',
            settings: { ...defaultTenantSettings(), levelThresholds: { timeZone } },
          });
          const people: Person[] = [];
          for (let index = 0; index < 4; index += 1)
            people.push(await store.people.upsertProfile(tenantId, personProfile({ tenantId })));
          const events = metricEvents(store, tenantId);
          const workflows: Workflow[] = [
            await events.workflow(people[0]!.id),
            await events.workflow(people[1]!.id),
          ];
          const runs: { person: string; session: string; completedAt: number }[] = [];

          // Actions land a few per transaction, as a turn, a job or the seed would write them.
          for (let index = 0; index < actions.length; index += perTransaction) {
            const batch = actions.slice(index, index + perTransaction);
            await store.transaction(async (tx) => {
              const inTx = metricEvents(tx, tenantId);
              for (const step of batch) {
                if (step.kind === 'run') {
                  const person = people[step.person]!.id;
                  const completedAt = at(step.hours);
                  const session = await inTx.run({
                    person,
                    workflow: workflows[step.workflow]!,
                    completedAt,
                    activeMinutes: step.minutes,
                    manualMinutes: 60,
                    rating: step.rated
                      ? {
                          meanRating: step.score,
                          minutesTaken: step.minutes,
                          manualMinutes: 45,
                          savedTimeGoesTo: DESTINATIONS[step.destination]!,
                        }
                      : undefined,
                  });
                  runs.push({ person, session, completedAt: Date.parse(completedAt) });
                } else if (step.kind === 'review') {
                  const run = runs[step.run % Math.max(1, runs.length)];
                  if (!run) continue;
                  await inTx.review(
                    run.person,
                    run.session,
                    new Date(run.completedAt + DAY_MS + step.hours * 3_600_000).toISOString(),
                    step.score,
                  );
                } else {
                  await inTx.append('session.started', at(step.hours), {
                    person: people[step.person]!.id,
                    data: { skillArea: 'analysis' },
                  });
                }
              }
            });
          }

          const stored = await store.metrics.listRollups(tenantId);
          const fresh = rollupsFromEvents(await store.metrics.listRollupEvents(tenantId), {
            timeZone,
            qualityBar: 3.5,
          });
          expect(
            rowDifference(stored.personWeeks, fresh.personWeeks, (row) => `${row.personId}|${row.weekStart}`),
          ).toBe(0);
          expect(
            rowDifference(
              stored.personWorkflowWeeks,
              fresh.personWorkflowWeeks,
              (row) => `${row.personId}|${row.workflowId}|${row.weekStart}`,
            ),
          ).toBe(0);
          expect((await recomputeRollups({ store, tenantId })).changedRows).toBe(0);

          // The organisation's figures come from the trigger-kept tenant sums less the leavers'; they must
          // equal the same people's figures read person-week by person-week.
          if (leaver !== null)
            await store.people.markLeft(tenantId, [people[leaver]!.aadObjectId], new Date(at(24 * 40)));
          const period = metricPeriod({
            from: '2026-02-23',
            to: '2026-04-19',
            now: new Date(START),
            timeZone,
          });
          const stayers = (await store.people.list(tenantId))
            .filter((person) => person.active)
            .map((person) => person.id);
          const organisation = await store.metrics.groupSums(tenantId, { kind: 'organisation' }, period);
          const listed = await store.metrics.groupSums(
            tenantId,
            { kind: 'people', personIds: stayers },
            period,
          );
          expect(organisation.weeks.filter(hasFigures)).toEqual(listed.weeks.filter(hasFigures));
          expect(organisation).toEqual({ ...listed, weeks: organisation.weeks });
        },
      ),
      { numRuns: 12 },
    );
  });

  const waitingOnLocks = async () =>
    toNumber(
      rowsOf<{ n: unknown }>(
        await database.db.execute(sql`select count(*) as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`),
      )[0]!.n,
    );

  // Needs a second connection to hold a row while the two transactions run: PostgreSQL only.
  (kind === 'postgres' ? it : it.skip)(
    'two transactions rewriting one person-week at once both land, and the rows count both',
    async () => {
      const tenantId = randomUUID();
      await store.tenants.ensure({ id: tenantId, displayName: 'Race', settings: defaultTenantSettings() });
      const person = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
      const week = '2026-03-02';
      await database.db.execute(sql`insert into tenant_week_rollups (tenant_id, week_start, stripe)
      values (${tenantId}, ${week}, ${stripeOf(person.id)})`);
      const startAt = (minute: number) =>
        store.transaction((tx) =>
          metricEvents(tx, tenantId).append('session.started', `2026-03-03T10:0${minute}:00Z`, {
            person: person.id,
            data: { skillArea: 'analysis' },
          }),
        );

      // The organisation's row for that week is held, so the first transaction stops after writing the
      // person's row and before committing; the second comes to the same row meanwhile.
      let started: Promise<PromiseSettledResult<unknown>[]> = Promise.resolve([]);
      await database.db.transaction(async (hold) => {
        await hold.execute(sql`select 1 from tenant_week_rollups where tenant_id = ${tenantId} for update`);
        const first = startAt(1);
        await waitUntil(async () => (await waitingOnLocks()) >= 1, 'one transaction waiting on a lock');
        started = Promise.allSettled([first, startAt(2)]);
        await waitUntil(async () => (await waitingOnLocks()) >= 2, 'two transactions waiting on locks');
      });

      expect((await started).map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
      const { personWeeks } = await store.metrics.listRollups(tenantId);
      expect(personWeeks).toEqual([expect.objectContaining({ weekStart: week, sessionsStarted: 2 })]);
      const period = metricPeriod({ from: week, to: '2026-03-08', now: new Date(START), timeZone: 'UTC' });
      const organisation = await store.metrics.groupSums(tenantId, { kind: 'organisation' }, period);
      expect(organisation.weeks).toEqual([expect.objectContaining({ sessionsStarted: 2 })]);
    },
  );

  // A second connection holds a row while the two transactions run: PostgreSQL only.
  (kind === 'postgres' ? it : it.skip)(
    'a from-scratch recompute and upkeep at the same time both land, and the rows count every event',
    async () => {
      const tenantId = randomUUID();
      await store.tenants.ensure({
        id: tenantId,
        displayName: 'Recompute race',
        settings: defaultTenantSettings(),
      });
      const person = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
      const startAt = (minute: number) =>
        store.transaction((tx) =>
          metricEvents(tx, tenantId).append('session.started', `2026-03-03T10:0${minute}:00Z`, {
            person: person.id,
            data: { skillArea: 'analysis' },
          }),
        );
      await startAt(1);

      // The organisation's rows are held, so the recompute stops after rewriting the person's rows and before
      // committing; a session starts meanwhile.
      let settled: Promise<PromiseSettledResult<unknown>[]> = Promise.resolve([]);
      await database.db.transaction(async (hold) => {
        await hold.execute(sql`select 1 from tenant_week_rollups where tenant_id = ${tenantId} for update`);
        const recompute = recomputeRollups({ store, tenantId });
        await waitUntil(async () => (await waitingOnLocks()) >= 1, 'one transaction waiting on a lock');
        settled = Promise.allSettled([recompute, startAt(2)]);
        await waitUntil(async () => (await waitingOnLocks()) >= 2, 'two transactions waiting on locks');
      });

      expect((await settled).map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
      const { personWeeks } = await store.metrics.listRollups(tenantId);
      expect(personWeeks).toEqual([expect.objectContaining({ weekStart: '2026-03-02', sessionsStarted: 2 })]);
      expect((await recomputeRollups({ store, tenantId })).changedRows).toBe(0);
    },
  );

  it('a from-scratch recompute repairs rows that drifted, and says how many it changed', async () => {
    const tenantId = randomUUID();
    await store.tenants.ensure({ id: tenantId, displayName: 'Drift', settings: defaultTenantSettings() });
    const person = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const events = metricEvents(store, tenantId);
    const workflow = await events.workflow(person.id);
    await events.run({
      person: person.id,
      workflow,
      completedAt: '2026-03-03T10:00:00Z',
      activeMinutes: 10,
      manualMinutes: 30,
    });
    const before = await store.metrics.listRollups(tenantId);
    await store.metrics.replaceAllRollups(tenantId, { personWeeks: [], personWorkflowWeeks: [] });
    expect(await recomputeRollups({ store, tenantId })).toEqual({
      personWeeks: 1,
      personWorkflowWeeks: 1,
      changedRows: 2,
    });
    expect(await store.metrics.listRollups(tenantId)).toEqual(before);
  });
});
