import { randomUUID } from 'node:crypto';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { randomIds, silentLogger, type Job, type Store } from '../../core';
import { createStore, openDatabase, type Database } from '../../store';
import { housekeepingJob, JobWorker, type JobDefinition } from '../../server/jobs';
import { fixedClock, seedTenant } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

function worker(
  store: Store,
  definitions: JobDefinition[],
  overrides: Partial<ConstructorParameters<typeof JobWorker>[0]> = {},
) {
  return new JobWorker({
    jobs: store.jobs,
    definitions,
    clock: fixedClock(),
    logger: silentLogger,
    workerId: randomUUID(),
    concurrency: 4,
    pollMs: 20,
    leaseMs: 60_000,
    random: () => 1,
    ...overrides,
  });
}

describe.each(testDatabaseKinds())('durable jobs on %s', (kind) => {
  let database: TestDatabase;
  let second: Database;
  let store: Store;
  let tenantId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // A second connection pool stands in for a second service instance; PGlite has one connection by design.
    second = database.url
      ? await openDatabase({ kind: 'postgres', url: database.url, poolSize: 3 })
      : database;
    store = createStore(database.db);
    tenantId = await seedTenant(store);
  });
  afterAll(async () => {
    if (second !== database) await second.close();
    await database.drop();
  });

  it('runs each job exactly once when two workers compete for them', async () => {
    const runs: string[] = [];
    const definition: JobDefinition = {
      kind: 'count-me',
      run: async (job) => {
        runs.push(job.id);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      },
    };
    const now = new Date('2026-11-02T08:00:00Z');
    const ids: string[] = [];
    for (let index = 0; index < 40; index++) {
      const id = await store.jobs.enqueue({ tenantId, kind: 'count-me', payload: { index }, runAt: now });
      if (id) ids.push(id);
    }
    const workers = [worker(store, [definition]), worker(createStore(second.db), [definition])];
    workers.forEach((candidate) => candidate.start());
    await waitFor(async () => runs.length >= 40);
    await Promise.all(workers.map((candidate) => candidate.stop(5_000)));

    expect(runs.sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await store.jobs.get(tenantId, id))?.status).toBe('done');
  });

  it('lets another worker finish a job whose worker died, once the lease has expired', async () => {
    const clock = fixedClock('2026-11-02T08:00:00Z');
    const jobId = await store.jobs.enqueue({ tenantId, kind: 'report', payload: {}, runAt: clock.now() });
    const [claimedByDeadWorker] = await store.jobs.claimDue({
      workerId: 'dead-instance',
      now: clock.now(),
      leaseMs: 30_000,
      limit: 1,
      kinds: ['report'],
    });
    expect(claimedByDeadWorker?.id).toBe(jobId);

    const finished: Job[] = [];
    const survivor = worker(store, [{ kind: 'report', run: async (job) => void finished.push(job) }], {
      clock,
    });
    expect(await survivor.runOnce()).toBe(0);
    clock.advance(31_000);
    expect(await survivor.runOnce()).toBe(1);

    expect(finished[0]?.attempts).toBe(2);
    expect((await store.jobs.get(tenantId, jobId!))?.status).toBe('done');
    expect(await store.jobs.complete({ jobId: jobId!, workerId: 'dead-instance', now: clock.now() })).toBe(
      false,
    );
  });

  it('retries a failing job with backoff and gives up after its last attempt with the error kept', async () => {
    const clock = fixedClock('2026-11-02T08:00:00Z');
    let calls = 0;
    const flaky: JobDefinition = {
      kind: 'flaky',
      run: async () => {
        calls++;
        throw new Error(`LRS answered 503 (call ${calls})`);
      },
    };
    const jobId = await store.jobs.enqueue({
      tenantId,
      kind: 'flaky',
      payload: {},
      runAt: clock.now(),
      maxAttempts: 2,
    });
    const runner = worker(store, [flaky], { clock });

    await runner.runOnce();
    const afterFirst = await store.jobs.get(tenantId, jobId!);
    expect(afterFirst?.status).toBe('queued');
    expect(afterFirst!.runAt.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(await runner.runOnce()).toBe(0);

    clock.set(afterFirst!.runAt.toISOString());
    await runner.runOnce();
    const afterSecond = await store.jobs.get(tenantId, jobId!);
    expect(afterSecond).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'LRS answered 503 (call 2)',
    });
  });

  it('keeps a failed query in the error of its job without its parameters', async () => {
    const clock = fixedClock('2026-11-02T08:00:00Z');
    const typed = 'Salary line for J. Smith: 84,000';
    const failing: JobDefinition = {
      kind: 'query-fails',
      run: async () => {
        throw new DrizzleQueryError('update "sessions" set "steps" = $1', [typed], new Error('terminated'));
      },
    };
    const jobId = await store.jobs.enqueue({
      tenantId,
      kind: 'query-fails',
      payload: {},
      runAt: clock.now(),
      maxAttempts: 1,
    });
    await worker(store, [failing], { clock }).runOnce();
    expect(await store.jobs.get(tenantId, jobId!)).toMatchObject({
      status: 'failed',
      lastError: 'Failed query: update "sessions" set "steps" = $1\nparams: (not logged)',
    });
  });

  it('finishes the jobs it is running when asked to stop, and claims no more', async () => {
    const finished: string[] = [];
    const slow: JobDefinition = {
      kind: 'slow',
      run: async (job) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished.push(job.id);
      },
    };
    const first = await store.jobs.enqueue({
      tenantId,
      kind: 'slow',
      payload: {},
      runAt: new Date('2026-11-01T00:00:00Z'),
    });
    const runner = worker(store, [slow], { concurrency: 1 });
    runner.start();
    await waitFor(async () => (await store.jobs.get(tenantId, first!))?.status === 'running');
    const second = await store.jobs.enqueue({
      tenantId,
      kind: 'slow',
      payload: {},
      runAt: new Date('2026-11-01T00:00:00Z'),
    });
    await runner.stop(5_000);

    expect(finished).toEqual([first]);
    expect((await store.jobs.get(tenantId, first!))?.status).toBe('done');
    expect((await store.jobs.get(tenantId, second!))?.status).toBe('queued');
  });

  it('queues the next daily housekeeping run after one completes', async () => {
    const clock = fixedClock('2026-11-02T08:00:00Z');
    const jobId = await store.jobs.enqueue({
      tenantId,
      kind: 'housekeeping',
      payload: {},
      runAt: clock.now(),
      uniqueKey: 'housekeeping',
    });
    expect(
      await store.jobs.enqueue({
        tenantId,
        kind: 'housekeeping',
        payload: {},
        runAt: clock.now(),
        uniqueKey: 'housekeeping',
      }),
    ).toBeNull();
    await store.processedActivities.markProcessed(tenantId, 'old-activity', new Date('2026-10-01T00:00:00Z'));

    await worker(store, [housekeepingJob(store, randomIds)], { clock }).runOnce();

    expect((await store.jobs.get(tenantId, jobId!))?.status).toBe('done');
    expect(await store.processedActivities.markProcessed(tenantId, 'old-activity', clock.now())).toBe(true);
    const [next] = await store.jobs.claimDue({
      workerId: 'probe',
      now: new Date('2026-11-03T03:00:00Z'),
      leaseMs: 1_000,
      limit: 5,
      kinds: ['housekeeping'],
    });
    expect(next?.runAt.toISOString()).toBe('2026-11-03T03:00:00.000Z');
  });
});
