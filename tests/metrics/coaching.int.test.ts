import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  defaultTenantSettings,
  publishWorkflow,
  randomIds,
  readCoaching,
  withLevelTracking,
  withMetricRollups,
  type ManagerVisibility,
  type Person,
  type Store,
  type Viewer,
  type Workflow,
} from '../../core';
import { createStore } from '../../store';
import { tenantSettings } from '../../store/schema';
import { feedback } from '../reviews/review-scenario';
import { fixedClock, newSession, personProfile, workflowDefinition } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';
import { metricEvents } from './metric-events';

const clock = fixedClock('2026-04-29T12:00:00Z');
type Name = 'mia' | 'ana' | 'ben' | 'cho' | 'xia' | 'yan' | 'auth' | 'out';

describe.each(testDatabaseKinds())('coaching suggestions on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let tenantId: string;
  let memo: Workflow;
  let sharedSessionId: string;
  const people = {} as Record<Name, Person>;
  const mia = (): Viewer => ({ person: people.mia, roles: ['employee', 'manager'] });
  const coaching = async (limit = 20, after?: string) =>
    readCoaching({ store, clock, ids: randomIds, viewer: mia(), limit, after });
  const suggestionsOf = async (name: Name) =>
    (await coaching()).reports.find((report) => report.person.id === people[name].id)!.suggestions;
  const setVisibility = async (managerVisibility: ManagerVisibility) => {
    const tenant = (await store.tenants.get(tenantId))!;
    await database.db
      .update(tenantSettings)
      .set({ settings: { ...tenant.settings, managerVisibility } })
      .where(eq(tenantSettings.tenantId, tenantId));
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = withLevelTracking(withMetricRollups(createStore(database.db)), randomIds);
    tenantId = randomUUID();
    await store.tenants.ensure({ id: tenantId, displayName: 'Northwind', settings: defaultTenantSettings() });
    const add = async (name: Name, managerAadObjectId: string | null = null, department = 'Finance') => {
      const displayName = `${name[0]!.toUpperCase()}${name.slice(1)} Person`;
      people[name] = await store.people.upsertProfile(
        tenantId,
        personProfile({ tenantId, displayName, department, managerAadObjectId }),
      );
    };
    await add('mia');
    for (const name of ['ana', 'ben', 'cho'] as const) await add(name, people.mia.aadObjectId);
    for (const name of ['xia', 'yan', 'auth'] as const) await add(name);
    await add('out', null, 'Sales');

    const events = metricEvents(store, tenantId);
    memo = await events.workflow(people.auth.id, 'Variance memo');
    const forecast = await events.workflow(people.auth.id, 'Forecast check');
    const rating = { meanRating: 4, minutesTaken: 10, manualMinutes: 40, savedTimeGoesTo: 'customers' };
    const run = (person: Name, workflow: Workflow, completedAt: string) =>
      events.run({
        person: people[person].id,
        workflow,
        completedAt,
        activeMinutes: 10,
        manualMinutes: 40,
        rating,
      });
    // Ben practises the memo (three runs over three weeks); Xia and Yan ran it once: three Finance adopters.
    await run('ben', memo, '2026-04-06T10:00:00Z');
    await run('ben', memo, '2026-04-13T10:00:00Z');
    await run('ben', memo, '2026-04-20T10:00:00Z');
    await run('xia', memo, '2026-04-15T10:00:00Z');
    await run('yan', memo, '2026-04-16T10:00:00Z');
    // Someone in Sales ran it too: not Finance, not counted.
    await run('out', memo, '2026-04-16T10:00:00Z');
    // Cho reached L2 on the forecast check in March and has been quiet since: it lapses 60 days after 10 March.
    await run('cho', forecast, '2026-02-24T10:00:00Z');
    await run('cho', forecast, '2026-03-03T10:00:00Z');
    await run('cho', forecast, '2026-03-10T10:00:00Z');

    // Cho shared a deliverable of a published workflow for review.
    const published = await publishWorkflow({
      store,
      clock,
      ids: randomIds,
      tenantId,
      authorId: people.auth.id,
      definition: workflowDefinition({ title: 'Board pack' }),
    });
    const shared = newSession({
      tenantId,
      personId: people.cho.id,
      workflowId: published.workflow.id,
      workflowVersionId: published.version.id,
      status: 'completed',
      phase: 'done',
      deliverable: '# Board pack',
      feedback: feedback(true),
      completedAt: new Date('2026-04-27T10:00:00Z'),
    });
    await store.sessions.create(shared);
    sharedSessionId = shared.id;
  });

  afterAll(async () => {
    await database.drop();
  });

  beforeEach(async () => setVisibility('shared'));

  it('suggests a workflow popular in the department to the reports who have not run it, and who could show them', async () => {
    const ana = await suggestionsOf('ana');
    expect(ana).toEqual([
      {
        kind: 'try_workflow',
        workflowId: memo.id,
        workflowTitle: 'Variance memo',
        authorName: 'Auth Person',
        departmentAdopters: 3,
        text: 'Several colleagues in Finance ran “Variance memo” by Auth Person in the last 8 weeks; Ana has not tried it yet.',
      },
      expect.objectContaining({ kind: 'colleague_can_show', colleagueId: people.auth.id, because: 'author' }),
    ]);
    expect((await suggestionsOf('ben')).map((item) => item.kind)).not.toContain('try_workflow');
  });

  it('tells the manager about a deliverable awaiting their review and a level about to lapse', async () => {
    const cho = await suggestionsOf('cho');
    expect(cho).toContainEqual(
      expect.objectContaining({
        kind: 'review_deliverable',
        sessionId: sharedSessionId,
        workflowTitle: 'Board pack',
      }),
    );
    expect(cho).toContainEqual({
      kind: 'lapse_coming',
      skillArea: 'analysis',
      skillAreaName: 'Analysis & reporting',
      level: 2,
      lapsesOn: '2026-05-09',
      text: "Cho's L2 in Analysis & reporting lapses by 2026-05-09 unless they complete a session in that area.",
    });
    expect((await suggestionsOf('ben')).map((item) => item.kind)).not.toContain('lapse_coming');
  });

  it('follows managerVisibility: no deliverables under levels-only; a practising teammate named only under full', async () => {
    await setVisibility('levels-only');
    expect((await suggestionsOf('cho')).map((item) => item.kind)).not.toContain('review_deliverable');
    await setVisibility('full');
    expect(await suggestionsOf('ana')).toContainEqual(
      expect.objectContaining({
        kind: 'colleague_can_show',
        colleagueId: people.ben.id,
        because: 'teammate',
        text: 'Ben Person has run “Variance memo” 3 times and could show Ana how.',
      }),
    );
  });

  it('pages through the reports and writes one audit entry per report read', async () => {
    const before = await store.audit.listForTenant(tenantId, { limit: 200 });
    const first = await coaching(2);
    expect(first.reports).toHaveLength(2);
    expect(first.nextAfter).not.toBeNull();
    const second = await coaching(2, first.nextAfter!);
    expect(second.reports).toHaveLength(1);
    expect(second.nextAfter).toBeNull();
    const ids = [...first.reports, ...second.reports].map((report) => report.person.id).sort();
    expect(ids).toEqual([people.ana.id, people.ben.id, people.cho.id].sort());
    const after = await store.audit.listForTenant(tenantId, { limit: 200 });
    const added = after.filter((entry) => !before.some((old) => old.id === entry.id));
    expect(added.map((entry) => [entry.action, entry.actorId])).toEqual(
      Array.from({ length: 3 }, () => ['coaching.read', people.mia.id]),
    );
  });

  it('refuses someone no one reports to', async () => {
    await expect(
      readCoaching({
        store,
        clock,
        ids: randomIds,
        viewer: { person: people.ana, roles: ['employee'] },
        limit: 20,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
