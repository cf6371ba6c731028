import {
  actOnSession,
  checkLapses,
  publishWorkflow,
  randomIds,
  recomputeLevels,
  startSession,
  withLevelTracking,
  type Clock,
  type Person,
  type SessionAction,
  type Store,
} from '../../core';
import { createStore } from '../../store';
import { fixedClock, personProfile, seedTenant, workflowDefinition } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const DAY_MS = 86_400_000;

describe.each(testDatabaseKinds())('levels kept with their evidence on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = withLevelTracking(createStore(database.db), randomIds);
  });
  afterAll(() => database.drop());

  async function setUp(clock: Clock) {
    const tenantId = await seedTenant(store);
    const author = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Sofia Lindqvist', email: 'sofia@example.com' }),
    );
    const { workflow } = await publishWorkflow({
      store,
      clock,
      ids: randomIds,
      tenantId,
      authorId: author.id,
      definition: workflowDefinition(),
    });
    return { tenantId, author, workflow };
  }

  /** One whole run of the workflow through the session use cases, rated `rating` on every criterion. */
  async function runOnce(
    clock: Clock & { advance(ms: number): void },
    tenantId: string,
    person: Person,
    workflowId: string,
    rating: number,
  ): Promise<string> {
    const base = { store, clock, ids: randomIds, tenantId, llmAvailable: false };
    const started = await startSession({ ...base, personId: person.id, workflowId });
    if (started.kind !== 'started') throw new Error('not started');
    const sessionId = started.session.id;
    const actions: SessionAction[] = [
      { type: 'submit_inputs', inputs: { variances: 'Travel +12% vs budget' } },
      { type: 'provide_output', text: 'Travel ran 12% over budget because of the Lisbon offsite.' },
      { type: 'complete_verification', checked: [], corrections: '' },
      {
        type: 'submit_feedback',
        feedback: { ratings: { accuracy: rating, clarity: rating, actions: rating } },
      },
    ];
    for (const action of actions) {
      clock.advance(3 * 60_000);
      const result = await actOnSession({ ...base, sessionId, action, actorPersonId: person.id });
      if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
    }
    return sessionId;
  }

  it('climbs L0 → L1 → L2 with the sessions as evidence, tells the LMS, and lapses after 60 quiet days', async () => {
    const clock = fixedClock('2026-03-02T09:00:00Z');
    const { tenantId, workflow } = await setUp(clock);
    const analyst = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Jordan Ellis', email: 'jordan@example.com' }),
    );

    const first = await runOnce(clock, tenantId, analyst, workflow.id, 4);
    let levels = await store.levels.listForPerson(tenantId, analyst.id);
    expect(levels).toMatchObject([{ skillArea: 'analysis', level: 1 }]);
    expect(levels[0]!.evidence).toContainEqual({ kind: 'session', id: first });

    clock.advance(DAY_MS);
    await runOnce(clock, tenantId, analyst, workflow.id, 4);
    expect((await store.levels.listForPerson(tenantId, analyst.id))[0]!.level).toBe(1);
    clock.advance(7 * DAY_MS);
    const third = await runOnce(clock, tenantId, analyst, workflow.id, 4);
    levels = await store.levels.listForPerson(tenantId, analyst.id);
    expect(levels[0]).toMatchObject({ level: 2 });
    expect(levels[0]!.evidence.filter((ref) => ref.kind === 'session')).toHaveLength(3);
    expect(levels[0]!.evidence).toContainEqual({ kind: 'session', id: third });

    const history = await store.levels.listChanges(tenantId, { personId: analyst.id });
    expect(history.map((change) => `${change.fromLevel}->${change.toLevel}`).reverse()).toEqual([
      '0->1',
      '1->2',
    ]);
    const raised = (await store.events.listForTenant(tenantId, { type: 'level.changed' })).filter(
      (event) => event.personId === analyst.id,
    );
    expect(raised.map((event) => event.data.toLevel).sort()).toEqual([1, 2]);

    // Nothing in the area for 61 days: the daily check, not an event, finds the lapse.
    const later = new Date(clock.now().getTime() + 61 * DAY_MS);
    const lapses = await checkLapses({ store, ids: randomIds, tenantId, now: later });
    expect(lapses).toMatchObject([{ personId: analyst.id, fromLevel: 2, toLevel: 1, reason: 'lapse' }]);
    expect((await store.levels.listForPerson(tenantId, analyst.id))[0]!.level).toBe(1);
    // A full recompute at that moment agrees with what was kept up incrementally.
    expect(await recomputeLevels({ store, ids: randomIds, tenantId, now: later })).toEqual([]);
  });

  it('a rating below the bar keeps L1 until a run meets it', async () => {
    const clock = fixedClock('2026-03-02T09:00:00Z');
    const { tenantId, workflow } = await setUp(clock);
    const analyst = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Mei Tan', email: 'mei@example.com' }),
    );
    for (const [days, rating] of [
      [0, 3],
      [1, 3],
      [7, 3],
    ] as const) {
      clock.advance(days * DAY_MS);
      await runOnce(clock, tenantId, analyst, workflow.id, rating);
    }
    expect((await store.levels.listForPerson(tenantId, analyst.id))[0]!.level).toBe(1);
    clock.advance(DAY_MS);
    await runOnce(clock, tenantId, analyst, workflow.id, 5);
    expect((await store.levels.listForPerson(tenantId, analyst.id))[0]!.level).toBe(2);
  });

  it('brings the author to L3 when three colleagues reach L2 on their workflow', async () => {
    const clock = fixedClock('2026-04-06T09:00:00Z');
    const { tenantId, author, workflow } = await setUp(clock);
    const colleagues = await Promise.all(
      ['ana', 'ben', 'cho'].map((name) =>
        store.people.upsertProfile(
          tenantId,
          personProfile({ tenantId, displayName: name, email: `${name}@example.com` }),
        ),
      ),
    );
    for (const colleague of colleagues) {
      clock.set('2026-04-06T09:00:00Z');
      for (const days of [0, 1, 7]) {
        clock.advance(days * DAY_MS);
        await runOnce(clock, tenantId, colleague, workflow.id, 5);
      }
    }
    const authorLevels = await store.levels.listForPerson(tenantId, author.id);
    expect(authorLevels).toMatchObject([{ skillArea: 'analysis', level: 3 }]);
    expect(authorLevels[0]!.evidence.filter((ref) => ref.kind === 'reuse')).toHaveLength(3);
  });
});
