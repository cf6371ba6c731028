import { actOnSession, publishWorkflow, randomIds, silentLogger, startSession, type Store } from '../../core';
import { createStore } from '../../store';
import { housekeepingJob, JobWorker } from '../../server/jobs';
import { fixedClock, personProfile, seedTenant, workflowDefinition } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const CONFIDENTIAL = 'Salary line for J. Smith: 84,000';

describe.each(testDatabaseKinds())('session housekeeping on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = createStore(database.db);
  });
  afterAll(() => database.drop());

  it('abandons sessions idle for 14 days and deletes inputs and outputs after the retention period, keeping the facts', async () => {
    const clock = fixedClock('2026-08-03T09:00:00Z');
    const tenantId = await seedTenant(store);
    const person = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const { workflow } = await publishWorkflow({
      store,
      clock,
      ids: randomIds,
      tenantId,
      authorId: person.id,
      definition: workflowDefinition(),
    });
    const base = { store, clock, ids: randomIds, tenantId, llmAvailable: false };
    const act = async (sessionId: string, action: Parameters<typeof actOnSession>[0]['action']) => {
      clock.advance(2 * 60_000);
      const result = await actOnSession({ ...base, sessionId, action, actorPersonId: person.id });
      if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
      return result.session;
    };

    const finished = await startSession({ ...base, personId: person.id, workflowId: workflow.id });
    if (finished.kind !== 'started') throw new Error('not started');
    await act(finished.session.id, { type: 'submit_inputs', inputs: { variances: CONFIDENTIAL } });
    await act(finished.session.id, { type: 'provide_output', text: `Memo about ${CONFIDENTIAL}` });
    await act(finished.session.id, {
      type: 'complete_verification',
      checked: [],
      corrections: 'Fixed 84,000',
    });
    await act(finished.session.id, {
      type: 'submit_feedback',
      feedback: { ratings: { accuracy: 5, clarity: 4, actions: 4 } },
    });
    const left = await startSession({ ...base, personId: person.id, workflowId: workflow.id });
    if (left.kind !== 'started') throw new Error('not started');

    const runHousekeeping = async (at: string) => {
      const at_ = fixedClock(at);
      await store.jobs.enqueue({
        tenantId,
        kind: 'housekeeping',
        payload: {},
        runAt: at_.now(),
        uniqueKey: `housekeeping-test-${at}`,
      });
      const worker = new JobWorker({
        jobs: store.jobs,
        definitions: [housekeepingJob(store, randomIds)],
        clock: at_,
        logger: silentLogger,
        workerId: 'hk',
        concurrency: 1,
        pollMs: 10,
        leaseMs: 60_000,
      });
      while ((await worker.runOnce()) > 0);
    };

    await runHousekeeping('2026-08-10T09:00:00Z');
    expect((await store.sessions.get(tenantId, left.session.id))?.status).toBe('active');
    await runHousekeeping('2026-08-18T09:00:00Z');
    expect((await store.sessions.get(tenantId, left.session.id))?.status).toBe('abandoned');
    const abandonedEvents = await store.events.listForTenant(tenantId, { type: 'session.abandoned' });
    expect(abandonedEvents.map((event) => event.data.reason)).toEqual(['idle']);
    expect(JSON.stringify(await store.sessions.get(tenantId, finished.session.id))).toContain(CONFIDENTIAL);

    await runHousekeeping('2026-11-05T09:00:00Z');
    const purged = await store.sessions.get(tenantId, finished.session.id);
    expect(JSON.stringify(purged)).not.toContain('84,000');
    expect(purged?.contentPurgedAt).not.toBeNull();
    expect(purged?.feedback?.ratings).toEqual({ accuracy: 5, clarity: 4, actions: 4 });
    expect(purged?.status).toBe('completed');
    const rated = await store.events.listForTenant(tenantId, { type: 'session.rated' });
    expect(rated).toHaveLength(1);
    expect(JSON.stringify(await store.events.listForTenant(tenantId, { limit: 100 }))).not.toContain(
      '84,000',
    );
  });
});
