import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  AppError,
  defaultTenantSettings,
  readMyMetrics,
  readOrganisationMetrics,
  readTeamMetrics,
  withMetricRollups,
  type Person,
  type Store,
  type Viewer,
} from '../../core';
import { createStore } from '../../store';
import { people as peopleTable } from '../../store/schema';
import { fixedClock, personProfile } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';
import { metricEvents } from './metric-events';

const clock = fixedClock('2026-03-20T12:00:00Z');
const PERIOD = { from: '2026-03-02', to: '2026-03-15' };

type Name = 'ana' | 'ben' | 'cho' | 'dev' | 'eve' | 'fay' | 'ned' | 'sam' | 'sue' | 'mia';

describe.each(testDatabaseKinds())('the five metrics against hand-computed figures on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let tenantId: string;
  const people = {} as Record<Name, Person>;
  const viewer = (name: Name, roles: Viewer['roles'] = ['employee']): Viewer => ({
    person: people[name],
    roles,
  });
  const organisation = async (department?: string, period: { from?: string; to?: string } = PERIOD) =>
    readOrganisationMetrics({ store, clock, viewer: viewer('ned', ['admin']), department, period });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = withMetricRollups(createStore(database.db));
    tenantId = randomUUID();
    await store.tenants.ensure({ id: tenantId, displayName: 'Northwind', settings: defaultTenantSettings() });
    const mia = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Mia', department: 'Finance' }),
    );
    people.mia = mia;
    const add = async (name: Name, department: string, reportsToMia: boolean) => {
      people[name] = await store.people.upsertProfile(
        tenantId,
        personProfile({
          tenantId,
          displayName: name,
          department,
          managerAadObjectId: reportsToMia ? mia.aadObjectId : null,
        }),
      );
    };
    for (const name of ['ana', 'ben', 'cho', 'dev'] as const) await add(name, 'Finance', true);
    await add('eve', 'Finance', false);
    await add('fay', 'Finance', true);
    await add('ned', 'Finance', false);
    await add('sam', 'Sales', false);
    await add('sue', 'Sales', false);

    const events = metricEvents(store, tenantId);
    const memo = await events.workflow(people.ana.id);
    const id = (name: Name) => people[name].id;
    await events.append('session.started', '2026-02-20T10:00:00Z', {
      person: id('ana'),
      data: { skillArea: 'analysis' },
    });
    await events.append('session.started', '2026-03-01T10:00:00Z', {
      person: id('ben'),
      data: { skillArea: 'analysis' },
    });
    await events.run({
      person: id('ana'),
      workflow: memo,
      completedAt: '2026-03-02T10:00:00Z',
      activeMinutes: 25,
      manualMinutes: 60,
      rating: { meanRating: 4, minutesTaken: 20, manualMinutes: 60, savedTimeGoesTo: 'customers' },
    });
    const bens = await events.run({
      person: id('ben'),
      workflow: memo,
      completedAt: '2026-03-03T10:00:00Z',
      activeMinutes: 30,
      manualMinutes: 45,
      rating: { meanRating: 3, minutesTaken: 30, manualMinutes: 50, savedTimeGoesTo: 'learning' },
    });
    await events.review(id('ben'), bens, '2026-03-10T09:00:00Z', 4);
    await events.run({
      person: id('cho'),
      workflow: memo,
      completedAt: '2026-03-10T10:00:00Z',
      activeMinutes: 15,
      manualMinutes: 45,
    });
    await events.run({
      person: id('dev'),
      workflow: memo,
      completedAt: '2026-03-11T10:00:00Z',
      activeMinutes: 40,
      manualMinutes: 30,
      rating: { meanRating: 2, minutesTaken: 40, manualMinutes: 30, savedTimeGoesTo: 'other' },
    });
    await events.append('session.started', '2026-03-12T10:00:00Z', {
      person: id('eve'),
      data: { skillArea: 'analysis' },
    });
    // Fay leaves: her run and her level drop out of every figure.
    await events.run({
      person: id('fay'),
      workflow: memo,
      completedAt: '2026-03-04T10:00:00Z',
      activeMinutes: 5,
      manualMinutes: 500,
      rating: { meanRating: 5, minutesTaken: 5, manualMinutes: 500, savedTimeGoesTo: 'customers' },
    });
    await events.levelChange(id('fay'), 0, 1, '2026-03-04T10:00:00Z');
    await database.db
      .update(peopleTable)
      .set({ active: false })
      .where(eq(peopleTable.id, id('fay')));
    // Sales: Sam ran a session, Sue only talked to the bot.
    await events.run({
      person: id('sam'),
      workflow: memo,
      completedAt: '2026-03-05T10:00:00Z',
      activeMinutes: 10,
      manualMinutes: 20,
      rating: { meanRating: 5, minutesTaken: 10, manualMinutes: 20, savedTimeGoesTo: 'customers' },
    });
    await store.people.saveConversationReference(tenantId, id('sue'), {
      conversationId: 'a:1',
      serviceUrl: 'https://smba.example/',
      channelId: 'msteams',
    });

    await events.levelChange(id('ana'), 0, 1, '2026-03-02T10:00:00Z'); // 10 days after her first session
    await events.levelChange(id('ben'), 0, 1, '2026-03-03T10:00:00Z'); // 2 days after his
    await events.levelChange(id('dev'), 0, 1, '2026-03-05T10:00:00Z'); // a certificate, no session before it
    await events.levelChange(id('ana'), 1, 2, '2026-03-11T10:00:00Z'); // 9 days at L1
    await events.levelChange(id('ana'), 2, 3, '2026-03-13T10:00:00Z'); // 2 days at L2
  });

  afterAll(async () => {
    await database.drop();
  });

  it('Finance: five active people (the leaver and the person who never used Practica left out)', async () => {
    const view = await organisation('Finance');
    expect(view.withheld).toBeNull();
    expect(view.period).toEqual({ from: '2026-03-02', to: '2026-03-15', weeks: 2, timeZone: 'UTC' });
    const figures = view.figures!;
    expect(figures.activePeople).toBe(5);
    expect(figures.quality).toEqual({
      completedSessions: 4,
      scoredSessions: 3,
      sessionsMeetingBar: 2,
      shareMeetingBar: 0.5,
      meanScore: 10 / 3,
      qualityBar: 3.5,
      reviewerScored: {
        sessions: 1,
        shareOfCompleted: 0.25,
        sessionsMeetingBar: 1,
        shareMeetingBar: 1,
        meanScore: 4,
      },
    });
    expect(figures.timeReallocation).toEqual({
      minutesSaved: 40 + 20 + 30 - 10,
      peopleWithSessions: 4,
      medianMinutesSavedPerPerson: 25,
      byDestination: {
        'deeper-analysis': 0,
        customers: 40,
        colleagues: 0,
        learning: 20,
        other: -10,
        unstated: 30,
      },
    });
    expect(figures.knowledgeSharing).toEqual({
      authorsReused: 1,
      workflowsWithThreeAdopters: 1,
      reuseSessions: 3,
    });
    expect(figures.adoption).toEqual({ peopleAtL2OrMore: 1, share: 0.2 });
    expect(figures.progression).toEqual({
      medianDays: { l0ToL1: 6, l1ToL2: 9, l2ToL3: 2 },
      transitions: { l0ToL1: 2, l1ToL2: 1, l2ToL3: 1 },
      levels: { L0: 2, L1: 2, L2: 0, L3: 1, L4: 0 },
    });
  });

  it('gives a weekly trend, each week in the week its sessions were completed', async () => {
    const trend = (await organisation('Finance')).figures!.trend;
    expect(
      trend.map((week) => [
        week.weekStart,
        week.sessionsCompleted,
        week.sessionsMeetingBar,
        week.minutesSaved,
      ]),
    ).toEqual([
      ['2026-03-02', 2, 2, 60],
      ['2026-03-09', 2, 0, 20],
    ]);
    expect(trend.map((week) => [week.peopleAtL2OrMore, week.adoptionShare])).toEqual([
      [0, 0],
      [1, 0.2],
    ]);
    expect(trend[0]!.levels).toEqual({ L0: 2, L1: 3, L2: 0, L3: 0, L4: 0 });
    expect(trend[1]!.meanScore).toBe(2);
    expect(trend[0]!.meanScore).toBe(4);
  });

  it('the organisation counts everyone active, Sales included', async () => {
    const figures = (await organisation()).figures!;
    expect(figures.activePeople).toBe(7);
    expect(figures.quality.completedSessions).toBe(5);
    expect(figures.timeReallocation.byDestination.customers).toBe(50);
  });

  it('withholds figures for a department of fewer than 5 active people', async () => {
    const view = await organisation('Sales');
    expect(view.figures).toBeNull();
    expect(view.withheld).toMatch(/5 or more.*has 2/);
  });

  it('an empty period gives zeros and no shares, not errors', async () => {
    const figures = (await organisation('Finance', { from: '2025-06-02', to: '2025-06-15' })).figures!;
    expect(figures.activePeople).toBe(5);
    expect(figures.quality).toMatchObject({ completedSessions: 0, shareMeetingBar: null, meanScore: null });
    expect(figures.timeReallocation).toMatchObject({ minutesSaved: 0, medianMinutesSavedPerPerson: null });
    expect(figures.progression.medianDays).toEqual({ l0ToL1: null, l1ToL2: null, l2ToL3: null });
    expect(figures.progression.levels).toEqual({ L0: 5, L1: 0, L2: 0, L3: 0, L4: 0 });
  });

  it("a manager's team of 4 active reports is withheld; with a fifth it is shown", async () => {
    const team = await readTeamMetrics({
      store,
      clock,
      viewer: viewer('mia', ['employee', 'manager']),
      period: PERIOD,
    });
    expect(team.figures).toBeNull();
    expect(team.withheld).toMatch(/has 4/);
    await store.people.upsertProfile(tenantId, {
      ...personProfile({ tenantId }),
      aadObjectId: people.eve.aadObjectId,
      displayName: 'eve',
      email: people.eve.email,
      department: 'Finance',
      managerAadObjectId: people.mia.aadObjectId,
    });
    const shown = await readTeamMetrics({
      store,
      clock,
      viewer: viewer('mia', ['employee', 'manager']),
      period: PERIOD,
    });
    expect(shown.figures?.activePeople).toBe(5);
    expect(shown.figures?.quality.completedSessions).toBe(4);
  });

  it('refuses organisation figures to anyone but an L&D admin, and team figures to a non-manager', async () => {
    await expect(
      readOrganisationMetrics({
        store,
        clock,
        viewer: viewer('ana', ['employee', 'author']),
        period: PERIOD,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      readTeamMetrics({ store, clock, viewer: viewer('ana'), period: PERIOD }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("a person's own figures have no minimum group", async () => {
    const mine = await readMyMetrics({ store, clock, viewer: viewer('dev'), period: PERIOD });
    expect(mine.scope).toEqual({ kind: 'person', personId: people.dev.id });
    expect(mine.figures?.activePeople).toBe(1);
    expect(mine.figures?.timeReallocation.minutesSaved).toBe(-10);
    expect(mine.figures?.progression.levels).toEqual({ L0: 0, L1: 1, L2: 0, L3: 0, L4: 0 });
  });

  it("counts weeks in the tenant's time zone", async () => {
    const berlin = randomUUID();
    const settings = defaultTenantSettings();
    await store.tenants.ensure({
      id: berlin,
      displayName: 'Berlin',
      settings: { ...settings, levelThresholds: { timeZone: 'Europe/Berlin' } },
    });
    const person = await store.people.upsertProfile(berlin, personProfile({ tenantId: berlin }));
    const events = metricEvents(store, berlin);
    const workflow = await events.workflow(person.id);
    // Sunday 23:30 UTC is Monday 00:30 in Berlin: the week of 9 March there, of 2 March in UTC.
    await events.run({
      person: person.id,
      workflow,
      completedAt: '2026-03-08T23:30:00Z',
      activeMinutes: 10,
      manualMinutes: 30,
    });
    const mine = await readMyMetrics({
      store,
      clock,
      viewer: { person, roles: ['employee'] },
      period: PERIOD,
    });
    expect(mine.period.timeZone).toBe('Europe/Berlin');
    expect(mine.figures!.trend.map((week) => [week.weekStart, week.sessionsCompleted])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-09', 1],
    ]);
  });
});
