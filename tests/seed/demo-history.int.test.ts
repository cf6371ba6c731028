import {
  randomIds,
  recomputeLevels,
  silentLogger,
  withLevelTracking,
  type DomainEvent,
  type DomainEventType,
  type Store,
} from '../../core';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, DEMO_WORKFLOWS } from '../../server/demo';
import { HISTORY_CAST } from '../../server/seed/history-cast';
import { planHistory } from '../../server/seed/history-plan';
import { createRandom, mulberry32 } from '../../server/seed/history-random';
import { seedDemoTenant, type SeedSummary } from '../../server/seed/seed-demo';
import { createStore } from '../../store';
import { fixedClock } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const DAY_MS = 86_400_000;
const END_AT = '2026-11-02T09:00:00.000Z';

/** ISO 8601 week, e.g. "2026-W44": the week a metric trend groups by. */
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const week = Math.ceil(((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${week}`;
}

/** True when some 30-day window holds ≥ 3 of `times` in ≥ 2 distinct ISO weeks (the L2 practice rule). */
function practisedWithin30Days(times: Date[]): boolean {
  const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
  return sorted.some((first) => {
    const inWindow = sorted.filter(
      (time) => time.getTime() >= first.getTime() && time.getTime() < first.getTime() + 30 * DAY_MS,
    );
    return inWindow.length >= 3 && new Set(inWindow.map(isoWeek)).size >= 2;
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe.each(testDatabaseKinds())('the demo history on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let summary: SeedSummary;
  const clock = fixedClock(END_AT);
  const endAt = new Date(END_AT);
  const windowStart = new Date(endAt.getTime() - 90 * DAY_MS);
  const tenantId = DEMO_TENANT.id;
  const events = (type?: DomainEventType): Promise<DomainEvent[]> =>
    store.events.listForTenant(tenantId, { type, limit: 10_000 });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // As the service seeds it: levels follow the history as it is played.
    store = withLevelTracking(createStore(database.db), randomIds);
    summary = await seedDemoTenant({ store, clock, ids: randomIds, logger: silentLogger });
  }, 120_000);
  afterAll(() => database?.drop());

  it("has managers review some of their reports' shared deliverables, and a reviewer's score count first", async () => {
    expect(summary.reviewsSeeded).toBeGreaterThanOrEqual(3);
    const reviewed = await events('session.reviewed');
    expect(reviewed).toHaveLength(summary.reviewsSeeded);
    for (const event of reviewed) {
      const session = await store.sessions.get(tenantId, event.sessionId!);
      expect(session?.feedback?.sharedForReview).toBe(true);
      expect(event.occurredAt.getTime()).toBeGreaterThan(session!.completedAt!.getTime());
      expect(event.occurredAt.getTime()).toBeLessThanOrEqual(endAt.getTime());
    }
    expect(summary.attestationsSeeded).toBe(1);
  });

  it('gives people levels from that history, which a full recompute leaves as they are', async () => {
    const people = await store.people.list(tenantId);
    const levels = (
      await Promise.all(people.map((person) => store.levels.listForPerson(tenantId, person.id)))
    ).flat();
    const count = (level: number) => levels.filter((entry) => entry.level === level).length;
    expect(count(1)).toBeGreaterThanOrEqual(5);
    expect(count(2)).toBeGreaterThanOrEqual(3);
    expect(count(3)).toBeGreaterThanOrEqual(1);
    expect(count(4)).toBe(1);
    // L0 too: people the history never reached.
    expect(new Set(levels.map((entry) => entry.personId)).size).toBeLessThan(people.length);
    for (const entry of levels) expect(entry.evidence.length).toBeGreaterThan(0);
    expect((await store.levels.listChanges(tenantId)).length).toBeGreaterThanOrEqual(levels.length);
    expect(await recomputeLevels({ store, ids: randomIds, tenantId, now: endAt })).toEqual([]);
  });

  it('seeds 120–200 sessions for about 25 people, every one recorded by the session use cases', async () => {
    expect(summary.sessionsSeeded).toBeGreaterThanOrEqual(120);
    expect(summary.sessionsSeeded).toBeLessThanOrEqual(200);
    expect(summary.sessionsCompleted + summary.sessionsAbandoned + summary.sessionsOpen).toBe(
      summary.sessionsSeeded,
    );
    const started = await events('session.started');
    expect(started).toHaveLength(summary.sessionsSeeded);
    expect(await events('session.completed')).toHaveLength(summary.sessionsCompleted);
    expect(await events('session.rated')).toHaveLength(summary.sessionsCompleted);
    expect(await events('session.abandoned')).toHaveLength(summary.sessionsAbandoned);
    const people = new Set(started.map((event) => event.personId));
    expect(people.size).toBeGreaterThanOrEqual(22);
    expect(people.size).toBeLessThanOrEqual(28);
  });

  it('starts sessions on weekdays in working hours, within the 90 days before the end, on suited workflows', async () => {
    const people = new Map((await store.people.list(tenantId)).map((person) => [person.id, person]));
    for (const event of await events('session.started')) {
      expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(windowStart.getTime());
      expect(event.occurredAt.getTime()).toBeLessThan(endAt.getTime());
      expect([1, 2, 3, 4, 5]).toContain(event.occurredAt.getUTCDay());
      expect(event.occurredAt.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(event.occurredAt.getUTCHours()).toBeLessThan(17);
      const workflow = await store.workflows.get(tenantId, event.workflowId ?? '');
      const version = await store.workflows.latestVersion(tenantId, workflow?.id ?? '');
      const person = people.get(event.personId ?? '');
      const suited = version?.definition.suitedFor.departments.includes(person?.department ?? '');
      expect(suited || workflow?.authorId === person?.id).toBe(true);
    }
  });

  it('spreads completed sessions with feedback over at least 10 ISO weeks', async () => {
    const rated = await events('session.rated');
    for (const event of rated) {
      expect(event.occurredAt.getTime()).toBeGreaterThan(windowStart.getTime());
      expect(event.occurredAt.getTime()).toBeLessThan(endAt.getTime());
    }
    expect(new Set(rated.map((event) => isoWeek(event.occurredAt))).size).toBeGreaterThanOrEqual(10);
  });

  it('gives at least 8 people a workflow practised 3 times in 2 weeks within 30 days, one run meeting the bar', async () => {
    const completed = await events('session.completed');
    const meanRating = new Map(
      (await events('session.rated')).map((event) => [event.sessionId, Number(event.data.meanRating)]),
    );
    const practised = [...groupBy(completed, (event) => `${event.personId}/${event.workflowId}`).values()]
      .filter((runs) => practisedWithin30Days(runs.map((event) => event.occurredAt)))
      .filter((runs) => runs.some((event) => (meanRating.get(event.sessionId) ?? 0) >= 3.5));
    expect(new Set(practised.map((runs) => runs[0]?.personId)).size).toBeGreaterThanOrEqual(8);
  });

  it("has each author's own trial run, and at least 3 colleagues completing one of each author's workflows", async () => {
    const usage = new Map(
      (await store.sessions.usageByWorkflow(tenantId)).map((row) => [row.workflowId, row]),
    );
    const completed = await events('session.completed');
    for (const [authorEmail, authored] of groupBy(DEMO_WORKFLOWS, (workflow) => workflow.authorEmail)) {
      const author = await store.people.findByEmail(tenantId, authorEmail);
      const ids: string[] = [];
      for (const { definition } of authored) {
        const workflow = await store.workflows.findByTitle(tenantId, definition.title);
        ids.push(workflow?.id ?? '');
        const own = completed.filter(
          (event) => event.workflowId === workflow?.id && event.personId === author?.id,
        );
        expect(own).toHaveLength(1);
      }
      expect(Math.max(...ids.map((id) => usage.get(id)?.colleagues ?? 0))).toBeGreaterThanOrEqual(3);
      const colleagues = new Set(
        completed
          .filter((event) => ids.includes(event.workflowId ?? '') && event.personId !== author?.id)
          .map((event) => event.personId),
      );
      expect(colleagues.size).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves some sessions abandoned and a couple open near the end, none of them Jordan Ellis’s', async () => {
    expect((await events('session.abandoned')).length).toBeGreaterThanOrEqual(3);
    const starters = new Set((await events('session.started')).map((event) => event.personId ?? ''));
    const open = [];
    for (const personId of starters) {
      const current = await store.sessions.findCurrentForPerson(tenantId, personId);
      if (current) open.push(current);
    }
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBeLessThanOrEqual(3);
    expect(open).toHaveLength(summary.sessionsOpen);
    for (const session of open) {
      expect(['active', 'paused']).toContain(session.status);
      expect(session.lastActivityAt.getTime()).toBeGreaterThan(endAt.getTime() - 7 * DAY_MS);
    }

    const jordan = await store.people.findByEmail(tenantId, DEMO_DEFAULT_USER_EMAIL);
    const jordansRuns = (await events('session.completed')).filter((event) => event.personId === jordan?.id);
    expect(jordansRuns.length).toBeGreaterThanOrEqual(3);
    expect(await store.sessions.findCurrentForPerson(tenantId, jordan?.id ?? '')).toBeNull();
    expect(await store.sessions.findActiveForPerson(tenantId, jordan?.id ?? '')).toHaveLength(0);
  });

  it('rates 2–5 and reports minutes well below the manual estimate', async () => {
    const rated = await events('session.rated');
    for (const { data } of rated) {
      expect(Number(data.minutesTaken)).toBeLessThan(Number(data.manualMinutes));
      for (const rating of Object.values(data.ratings as Record<string, number>)) {
        expect(rating).toBeGreaterThanOrEqual(2);
        expect(rating).toBeLessThanOrEqual(5);
      }
    }
    const shared = rated.filter(({ data }) => data.sharedForReview === true).length / rated.length;
    expect(shared).toBeGreaterThan(0.25);
    expect(shared).toBeLessThan(0.55);
    expect(rated.filter(({ data }) => data.wouldReuse === true).length / rated.length).toBeGreaterThan(0.75);
    expect(rated.some(({ data }) => data.whatBroke !== null)).toBe(true);
    expect(new Set(rated.map(({ data }) => data.savedTimeGoesTo)).size).toBeGreaterThanOrEqual(4);
  });

  it('plans the same history every time for the same end', () => {
    const plan = () =>
      planHistory({
        endAt,
        windowDays: 90,
        random: createRandom(mulberry32(7)),
        cast: HISTORY_CAST,
        authorTrials: [],
      });
    expect(plan()).toEqual(plan());
  });

  it('adds no sessions and no events when seeded again', async () => {
    const before = await events();
    const again = await seedDemoTenant({ store, clock, ids: randomIds, logger: silentLogger });
    expect(again).toMatchObject({ workflowsPublished: 0, sessionsSeeded: 0 });
    expect(await events()).toHaveLength(before.length);
  });
});
