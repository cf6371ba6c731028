import { randomUUID } from 'node:crypto';
import { silentLogger, systemClock, type NewOutboxEntry, type Store } from '../../core';
import { createLrsClient } from '../../lms-connector/client';
import { OutboxDispatcher, type DispatcherOptions } from '../../lms-connector/dispatch';
import type { LrsTarget } from '../../lms-connector/targets';
import { createStore } from '../../store';
import { seedTenant } from '../factories';
import { startLrsFaultProxy, type LrsFaultProxy } from '../support/lrs-fault-proxy';
import { startLocalLrs, type LocalLrs } from '../support/lrs';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

function statementFor(id: string, registration: string, index: number): Record<string, unknown> {
  return {
    id,
    actor: {
      objectType: 'Agent',
      account: { homePage: 'https://lms.example.com', name: `E${1000 + index}` },
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
    object: { objectType: 'Activity', id: 'https://practica.example.com/workflows/variance-commentary' },
    context: { registration },
    timestamp: '2026-11-02T09:00:00.000Z',
  };
}

describe.each(testDatabaseKinds())('outbox dispatch to a real LRS through faults, on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let lrs: LocalLrs;
  let proxy: LrsFaultProxy;
  let target: LrsTarget;
  const running: OutboxDispatcher[] = [];

  beforeAll(async () => {
    [database, lrs] = await Promise.all([createTestDatabase(kind), startLocalLrs()]);
    store = createStore(database.db);
    proxy = await startLrsFaultProxy(lrs.endpoint);
    target = {
      name: 'lms',
      endpoint: proxy.endpoint,
      auth: { kind: 'basic', ...lrs.basic },
      actor: { kind: 'account', homePage: 'https://lms.example.com' },
    };
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
    proxy.up();
    proxy.setMaxBodyBytes(null);
    proxy.requests.length = 0;
  });
  afterAll(async () => {
    await proxy.close();
    await Promise.all([lrs.stop(), database.drop()]);
  });

  /** A tenant with `count` pending statements; `shape` may change one statement's payload. */
  async function outboxWith(
    count: number,
    shape: (statement: Record<string, unknown>, index: number) => Record<string, unknown> = (s) => s,
  ) {
    const tenantId = await seedTenant(store);
    const registration = randomUUID();
    const entries: NewOutboxEntry[] = Array.from({ length: count }, (_, index) => {
      const statementId = randomUUID();
      return {
        id: randomUUID(),
        tenantId,
        statementId,
        target: 'lms',
        eventId: randomUUID(),
        personId: null,
        payload: shape(statementFor(statementId, registration, index), index),
        status: 'pending',
        nextAttemptAt: new Date(Date.now() - 60_000 + index),
      };
    });
    await store.xapiOutbox.enqueue(entries);
    return { tenantId, registration, entries };
  }

  function startDispatcher(overrides: Partial<DispatcherOptions> = {}, lrsTarget = target) {
    const dispatcher = new OutboxDispatcher({
      outbox: store.xapiOutbox,
      targets: [{ target: lrsTarget, client: createLrsClient(lrsTarget, { timeoutMs: 15_000 }) }],
      clock: systemClock,
      logger: silentLogger,
      workerId: randomUUID(),
      pollMs: 20,
      leaseMs: 30_000,
      backoff: { baseMs: 50, capMs: 1_000 },
      ...overrides,
    });
    dispatcher.start();
    running.push(dispatcher);
    return dispatcher;
  }

  const settled = (tenantId: string) => async () =>
    (await store.xapiOutbox.list(tenantId, { status: 'pending' })).length === 0;

  /** Ids the LRS holds for a registration, one entry per stored statement. */
  const storedIds = async (registration: string) =>
    (await lrs.statements({ registration })).map((statement) => String(statement.id));

  it('sends every pending row in batches of at most 100, each statement once, and leaves held rows alone', async () => {
    const { tenantId, registration, entries } = await outboxWith(250);
    const held = { ...entries[0]!, id: randomUUID(), statementId: randomUUID(), status: 'held' as const };
    await store.xapiOutbox.enqueue([held]);
    startDispatcher();
    await waitFor(settled(tenantId));

    expect((await storedIds(registration)).sort()).toEqual(entries.map((e) => e.statementId).sort());
    const posts = proxy.requests.filter((r) => r.method === 'POST');
    expect(Math.max(...posts.map((r) => r.statements))).toBe(100);
    expect(posts.reduce((sum, r) => sum + r.statements, 0)).toBe(250);
    const [stats] = await store.xapiOutbox.stats(tenantId, ['lms'], new Date());
    expect(stats).toMatchObject({ backlog: 0, held: 1, dead: 0, sentLast24h: 250, lastError: null });
    expect(stats!.lastSuccessAt).toBeInstanceOf(Date);
  });

  it('waits as long as a 429 Retry-After asks, then delivers everything once', async () => {
    const { tenantId, registration, entries } = await outboxWith(30);
    proxy.inject([{ kind: 'status', status: 429, headers: { 'Retry-After': '1' } }], { method: 'POST' });
    startDispatcher({ inFlightPerTarget: 1 });
    await waitFor(settled(tenantId));

    expect((await storedIds(registration)).sort()).toEqual(entries.map((e) => e.statementId).sort());
    const posts = proxy.requests.filter((r) => r.method === 'POST');
    expect(posts[0]!.status).toBe(429);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('rides out a burst of 503s and an outage mid-run, delivering each statement exactly once', async () => {
    const { tenantId, registration, entries } = await outboxWith(400);
    proxy.inject(
      Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503 })),
      { method: 'POST' },
    );
    startDispatcher({ batchSize: 50 });
    await waitFor(async () => (await storedIds(registration)).length >= 100);
    proxy.down();
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.up();
    await waitFor(settled(tenantId));

    const stored = await storedIds(registration);
    expect(stored).toHaveLength(400);
    expect(new Set(stored).size).toBe(400);
    expect(stored.sort()).toEqual(entries.map((e) => e.statementId).sort());
    expect(proxy.requests.filter((r) => r.status === 503)).toHaveLength(5);
  });

  it('while the LRS is down, tries one statement at a time and leaves the rest of the backlog alone; once it is back, sends everything in full batches', async () => {
    const { tenantId, registration, entries } = await outboxWith(250);
    proxy.down();
    startDispatcher({ inFlightPerTarget: 1 });
    const posts = () => proxy.requests.filter((r) => r.method === 'POST');
    await waitFor(async () => posts().length >= 4);

    const [first, ...probes] = posts();
    expect(first!.statements).toBe(100);
    expect(probes.every((request) => request.statements === 1)).toBe(true);
    const pending = await store.xapiOutbox.list(tenantId, { status: 'pending' });
    const untried = pending.filter((row) => row.attempts === 0).length;
    expect(untried).toBeGreaterThanOrEqual(250 - 100 - (posts().length - 1) - 1);

    const sentBeforeUp = posts().length;
    proxy.up();
    await waitFor(settled(tenantId));
    const stored = await storedIds(registration);
    expect(stored).toHaveLength(250);
    expect(stored.sort()).toEqual(entries.map((e) => e.statementId).sort());
    expect(
      Math.max(
        ...posts()
          .slice(sentBeforeUp)
          .map((r) => r.statements),
      ),
    ).toBe(100);
  });

  it('retries a batch the LRS did not answer in time, and one whose answer was lost after it was stored', async () => {
    const { tenantId, registration, entries } = await outboxWith(60);
    proxy.inject([{ kind: 'hang' }, { kind: 'lose-response' }], { method: 'POST' });
    startDispatcher({
      targets: [{ target, client: createLrsClient(target, { timeoutMs: 300 }) }],
      inFlightPerTarget: 1,
      batchSize: 30,
    });
    await waitFor(settled(tenantId));

    const stored = await storedIds(registration);
    expect(stored.sort()).toEqual(entries.map((e) => e.statementId).sort());
    expect((await store.xapiOutbox.list(tenantId, { status: 'sent' })).length).toBe(60);
    const unanswered = proxy.requests.filter((r) => r.method === 'POST' && r.status === 'no answer');
    expect(unanswered).toHaveLength(2);
  });

  it('splits a batch refused 409 for one already-stored id, confirms that id with a GET, and stores the rest', async () => {
    const { tenantId, registration, entries } = await outboxWith(100);
    const taken = entries[37]!;
    // The LRS already holds statement 37, with other content (an earlier version of the statement).
    await createLrsClient({ ...target, endpoint: lrs.endpoint }).sendStatements([
      { ...taken.payload, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } },
    ]);
    startDispatcher({ inFlightPerTarget: 1 });
    await waitFor(settled(tenantId));

    expect((await storedIds(registration)).sort()).toEqual(entries.map((e) => e.statementId).sort());
    expect((await store.xapiOutbox.list(tenantId, { status: 'sent' })).length).toBe(100);
    expect(
      proxy.requests.some((r) => r.method === 'GET' && r.path.includes(`statementId=${taken.statementId}`)),
    ).toBe(true);
    expect(proxy.requests.filter((r) => r.status === 409).length).toBeGreaterThan(1);
  });

  it('dead-letters a statement the LRS refuses (400) in the middle of a batch, with its message, and sends the others', async () => {
    const { tenantId, registration, entries } = await outboxWith(100, (statement, index) =>
      index === 50 ? { ...statement, actor: { objectType: 'Agent' } } : statement,
    );
    startDispatcher({ inFlightPerTarget: 1 });
    await waitFor(settled(tenantId));

    const stored = await storedIds(registration);
    expect(stored).toHaveLength(99);
    expect(stored).not.toContain(entries[50]!.statementId);
    const dead = await store.xapiOutbox.list(tenantId, { status: 'dead' });
    expect(dead.map((row) => row.statementId)).toEqual([entries[50]!.statementId]);
    expect(dead[0]!.lastError).toContain('statements.0.actor');
    const [stats] = await store.xapiOutbox.stats(tenantId, ['lms'], new Date());
    expect(stats).toMatchObject({ dead: 1, sentLast24h: 99 });
    expect(stats!.lastError).toContain('400');
  });

  it('splits batches refused 413 until they fit, and dead-letters a statement too large on its own', async () => {
    const { tenantId, registration, entries } = await outboxWith(100, (statement, index) =>
      index === 70 ? { ...statement, result: { response: 'x'.repeat(20_000) } } : statement,
    );
    proxy.setMaxBodyBytes(15_000);
    startDispatcher({ inFlightPerTarget: 1 });
    await waitFor(settled(tenantId));

    const stored = await storedIds(registration);
    expect(stored.sort()).toEqual(
      entries
        .filter((_, index) => index !== 70)
        .map((e) => e.statementId)
        .sort(),
    );
    const dead = await store.xapiOutbox.list(tenantId, { status: 'dead' });
    expect(dead.map((row) => row.statementId)).toEqual([entries[70]!.statementId]);
    expect(dead[0]!.lastError).toContain('too large');
  });

  it('pauses the target for the tenant on 401, keeps the rows, and sends them once an admin resumes it', async () => {
    const { tenantId, registration, entries } = await outboxWith(20);
    const wrongPassword: LrsTarget = {
      ...target,
      auth: { kind: 'basic', username: lrs.basic.username, password: 'expired' },
    };
    startDispatcher({}, wrongPassword);
    await waitFor(
      async () => (await store.xapiOutbox.stats(tenantId, ['lms'], new Date()))[0]!.pausedAt !== null,
    );
    await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));

    const [paused] = await store.xapiOutbox.stats(tenantId, ['lms'], new Date());
    expect(paused).toMatchObject({ backlog: 20, sentLast24h: 0 });
    expect(paused!.pauseReason).toContain('401');

    // Credentials fixed, but the target stays paused until an admin resumes it.
    startDispatcher();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedIds(registration)).toHaveLength(0);
    expect(await store.xapiOutbox.resume({ tenantId, target: 'lms' })).toBe(true);
    await waitFor(settled(tenantId));
    expect((await storedIds(registration)).sort()).toEqual(entries.map((e) => e.statementId).sort());
  });
});
