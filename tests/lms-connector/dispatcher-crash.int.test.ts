import { randomUUID } from 'node:crypto';
import { defaultTenantSettings, type NewOutboxEntry, type Store } from '../../core';
import { createStore, migrateDatabase, openDatabase, type Database } from '../../store';
import { runTypeScript, type RunningChild } from '../support/child-process';
import { startLrsFaultProxy, type LrsFaultProxy } from '../support/lrs-fault-proxy';
import { startLocalLrs, type LocalLrs } from '../support/lrs';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';

const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

const waitFor = async (condition: () => Promise<boolean>, what: string, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

postgresOnly('the outbox dispatcher killed mid-batch', () => {
  let url: string;
  let database: Database;
  let store: Store;
  let lrs: LocalLrs;
  let proxy: LrsFaultProxy;
  const children: RunningChild[] = [];

  beforeAll(async () => {
    url = await createPostgresDatabase();
    database = await openDatabase({ kind: 'postgres', url, poolSize: 3 });
    await migrateDatabase(database);
    store = createStore(database.db);
    lrs = await startLocalLrs();
    proxy = await startLrsFaultProxy(lrs.endpoint);
  });
  afterAll(async () => {
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    await proxy.close();
    await lrs.stop();
    await database.close();
    await dropPostgresDatabase(url);
  });

  function startService(): RunningChild {
    const run = runTypeScript('server/main.ts', {
      PRACTICA_DEV_MODE: 'true',
      SEED_DEMO: 'false',
      PORT: '0',
      DATABASE_URL: url,
      WORKER_CONCURRENCY: '0',
      LRS_TARGETS: 'lms',
      LRS_LMS_ENDPOINT: proxy.endpoint,
      LRS_LMS_USERNAME: lrs.basic.username,
      LRS_LMS_PASSWORD: lrs.basic.password,
      LRS_LMS_ACTOR: 'mbox',
      LRS_DISPATCH_LEASE_MS: '2000',
      LRS_DISPATCH_POLL_MS: '50',
      LRS_BATCHES_IN_FLIGHT: '1',
    });
    children.push(run);
    return run;
  }

  it('is restarted, sends the batch it was killed in again, and the LRS holds every statement exactly once', async () => {
    const tenantId = randomUUID();
    await store.tenants.ensure({
      id: tenantId,
      displayName: 'Crash test',
      settings: defaultTenantSettings(),
    });
    const registration = randomUUID();
    const entries: NewOutboxEntry[] = Array.from({ length: 500 }, (_, index) => {
      const statementId = randomUUID();
      return {
        id: randomUUID(),
        tenantId,
        statementId,
        target: 'lms',
        eventId: randomUUID(),
        personId: null,
        payload: {
          id: statementId,
          actor: { objectType: 'Agent', mbox: `mailto:person${index}@contoso.com` },
          verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
          object: { objectType: 'Activity', id: 'https://practica.example.com/workflows/w1' },
          context: { registration },
        },
        status: 'pending',
        nextAttemptAt: new Date(Date.now() - 60_000 + index),
      };
    });
    await store.xapiOutbox.enqueue(entries);
    // Two batches go through; the LRS stores the third, but its answer never comes back.
    proxy.inject([{ kind: 'pass' }, { kind: 'pass' }, { kind: 'hold-answer' }], { method: 'POST' });

    const doomed = startService();
    await waitFor(
      async () => (await lrs.statements({ registration })).length === 300,
      'three batches stored',
    );
    const inFlight = await store.xapiOutbox.list(tenantId, { status: 'pending' });
    expect(inFlight.filter((row) => row.lockedBy !== null)).toHaveLength(100);
    expect(await store.xapiOutbox.list(tenantId, { status: 'sent' })).toHaveLength(200);
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');

    startService();
    await waitFor(
      async () => (await store.xapiOutbox.list(tenantId, { status: 'sent' })).length === 500,
      'every row sent after the restart',
    );

    const stored = (await lrs.statements({ registration })).map((statement) => String(statement.id));
    expect(stored).toHaveLength(500);
    expect(new Set(stored).size).toBe(500);
    expect(stored.sort()).toEqual(entries.map((entry) => entry.statementId).sort());
    // The killed batch was sent a second time (same ids) by the restarted service.
    const posts = proxy.requests.filter((request) => request.method === 'POST');
    expect(posts.reduce((sum, request) => sum + request.statements, 0)).toBe(600);
  }, 180_000);
});
