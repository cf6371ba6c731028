import { connect, type Socket } from 'node:net';
import { Client } from 'pg';
import { defaultTenantSettings, silentLogger, systemClock } from '../../core';
import { createStore, expectedMigrationCount, migrateDatabase, openDatabase } from '../../store';
import { DEMO_PEOPLE, DEMO_TENANT, DEMO_WORKFLOWS } from '../../server/demo';
import { JobWorker } from '../../server/jobs';
import { runTypeScript } from '../support/child-process';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';

const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** One TCP connection sending keep-alive GETs one after another, as a proxy in front of the service does. */
async function keptAliveConnection(url: URL) {
  const socket: Socket = connect(Number(url.port), url.hostname);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  let ended = false;
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('close', () => (ended = true));
  socket.on('error', () => (ended = true));
  return {
    async get(path: string): Promise<string> {
      received = '';
      if (ended) return 'connection closed by the server';
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`);
      for (let waited = 0; waited < 5_000 && !ended && !/\r\n\r\n[\s\S]*\}/.test(received); waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      return ended && received === '' ? 'connection closed by the server' : received;
    },
    closed: () => ended,
  };
}

describe('the service process', () => {
  it('stops at start-up with one line naming an invalid variable', async () => {
    const run = runTypeScript('server/main.ts', { PRACTICA_DEV_MODE: 'true', PORT: 'eighty' });
    expect((await run.exited).code).toBe(2);
    expect(run.stderr().trim().split('\n')).toEqual([
      'practica: Invalid PORT (got "eighty"): must be a port number',
    ]);
  });

  it('refuses development mode in production', async () => {
    const run = runTypeScript('server/main.ts', { PRACTICA_DEV_MODE: 'true', NODE_ENV: 'production' });
    expect((await run.exited).code).toBe(2);
    expect(run.stderr()).toContain('development mode cannot be enabled when NODE_ENV=production');
  });

  it('exits with a clear error when the database cannot be reached', async () => {
    const run = runTypeScript('server/main.ts', {
      PRACTICA_DEV_MODE: 'true',
      PORT: '0',
      DATABASE_URL: 'postgres://practica@127.0.0.1:1/practica',
    });
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toMatch(
      /could not start: Cannot open the database \(PostgreSQL at 127\.0\.0\.1:1\/practica\): .*ECONNREFUSED/,
    );
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const run = runTypeScript('server/main.ts', {
      PRACTICA_DEV_MODE: 'true',
      PORT: '0',
      DATABASE_URL: 'memory://',
    });
    const [, url] = await run.waitForOutput(/Tab:\s+(http:\/\/\S+?)\//);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toContain('SIGTERM received');
  });

  it('keeps an idle connection open for a proxy that reuses it after 6 s, and still stops at once on SIGTERM', async () => {
    const run = runTypeScript('server/main.ts', {
      PRACTICA_DEV_MODE: 'true',
      PORT: '0',
      DATABASE_URL: 'memory://',
      SHUTDOWN_TIMEOUT_MS: '30000',
    });
    try {
      const [, url] = await run.waitForOutput(/Tab:\s+(http:\/\/\S+?)\//);
      const connection = await keptAliveConnection(new URL(url!));
      expect(await connection.get('/healthz')).toMatch(/^HTTP\/1\.1 200/);
      // Node's default keep-alive is 5 s: a load balancer reusing the connection after that met a closed one.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await connection.get('/readyz')).toMatch(/^HTTP\/1\.1 200/);

      const stopping = performance.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
      // The idle connection does not hold the stop to the 30 s shutdown timeout.
      expect(performance.now() - stopping).toBeLessThan(15_000);
      expect(connection.closed()).toBe(true);
    } finally {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    }
  });
});

postgresOnly('several instances on one PostgreSQL database', () => {
  let url: string;
  beforeEach(async () => {
    url = await createPostgresDatabase();
  });
  afterEach(() => dropPostgresDatabase(url));

  it('migrates and seeds once when two instances start together on an empty database', async () => {
    const env = { PRACTICA_DEV_MODE: 'true', PORT: '0', DATABASE_URL: url, WORKER_CONCURRENCY: '0' };
    const instances = [runTypeScript('server/main.ts', env), runTypeScript('server/main.ts', env)];
    try {
      const urls = await Promise.all(
        instances.map(async (run) => (await run.waitForOutput(/Tab:\s+(http:\/\/\S+?)\//))[1]),
      );
      for (const base of urls) expect((await fetch(`${base}/readyz`)).status).toBe(200);

      const client = new Client({ connectionString: url });
      await client.connect();
      const count = async (query: string) => Number((await client.query<{ n: string }>(query)).rows[0]?.n);
      expect(await count('select count(*) as n from drizzle.__drizzle_migrations')).toBe(
        expectedMigrationCount(),
      );
      expect(await count('select count(*) as n from tenant_settings')).toBe(1);
      expect(await count('select count(*) as n from people')).toBe(DEMO_PEOPLE.length);
      expect(await count('select count(*) as n from workflows')).toBe(DEMO_WORKFLOWS.length);
      expect(await count('select count(*) as n from workflow_versions')).toBe(DEMO_WORKFLOWS.length);
      expect(await count("select count(*) as n from jobs where kind = 'housekeeping'")).toBe(1);
      const sessions = await count('select count(*) as n from sessions');
      expect(sessions).toBeGreaterThan(100);
      expect(await count("select count(*) as n from events where type = 'session.started'")).toBe(sessions);
      await client.end();
    } finally {
      instances.forEach((run) => run.child.kill('SIGTERM'));
      await Promise.all(instances.map((run) => run.exited));
    }
  });

  it('finishes a job on another instance after the instance running it was killed', async () => {
    const database = await openDatabase({ kind: 'postgres', url });
    await migrateDatabase(database);
    const store = createStore(database.db);
    await store.tenants.ensure({
      id: DEMO_TENANT.id,
      displayName: DEMO_TENANT.displayName,
      settings: defaultTenantSettings(),
    });
    const jobId = await store.jobs.enqueue({
      tenantId: DEMO_TENANT.id,
      kind: 'slow-report',
      payload: {},
      runAt: new Date(),
    });

    const doomed = runTypeScript('tests/support/slow-job-worker.ts', {
      DATABASE_URL: url,
      JOB_LEASE_MS: '2000',
    });
    await doomed.waitForOutput(new RegExp(`claimed ${jobId}`));
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');

    const finishedBy: number[] = [];
    const survivor = new JobWorker({
      jobs: store.jobs,
      definitions: [{ kind: 'slow-report', run: async (job) => void finishedBy.push(job.attempts) }],
      clock: systemClock,
      logger: silentLogger,
      workerId: 'survivor',
      concurrency: 1,
      pollMs: 50,
      leaseMs: 2_000,
    });
    expect(await survivor.runOnce()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(await survivor.runOnce()).toBe(1);
    expect(finishedBy).toEqual([2]);
    expect((await store.jobs.get(DEMO_TENANT.id, jobId!))?.status).toBe('done');
    await database.close();
  });
});
