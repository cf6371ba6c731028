import { Client } from 'pg';
import { startSlowModel, type SlowModel } from '../../bench/slow-model';
import { GENERATION_JOB } from '../../core';
import { DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { runToFeedback, SAMPLE_MATERIAL } from '../bot/session-driver';
import { startLocalConnector } from '../support/local-connector';
import { startPgFaultProxy, type PgFaultProxy } from '../support/pg-fault-proxy';
import { startPracticaProcess, type PracticaProcess } from '../support/practica-process';
import { RedeliveringTeamsUser } from '../support/redelivering-teams-user';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';
import { waitUntil } from '../support/eventually';

const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

const EMPLOYEES = [
  'jordan.ellis@northwind.example',
  'aisha.khan@northwind.example',
  'marcus.webb@northwind.example',
  'sofia.lindqvist@northwind.example',
  'rahul.mehta@northwind.example',
  'claire.dubois@northwind.example',
];
const OUTAGE_MS = 4_000;

const readyStatus = (url: string) =>
  fetch(`${url}/readyz`).then(
    (response) => response.status,
    () => 0,
  );

/**
 * The service process reaches PostgreSQL through a proxy that plays a database restart (every connection cut,
 * new ones refused for a few seconds) while employees are in the middle of their sessions.
 */
postgresOnly(
  'the database restarted while employees run sessions (PostgreSQL only: TEST_DATABASE_URL)',
  () => {
    let url: string;
    let proxy: PgFaultProxy;
    let model: SlowModel;
    let connector: Awaited<ReturnType<typeof startLocalConnector>>;
    let service: PracticaProcess;
    let db: Client;

    beforeAll(async () => {
      url = await createPostgresDatabase();
      proxy = await startPgFaultProxy(url);
      model = await startSlowModel(400);
      connector = await startLocalConnector();
      service = await startPracticaProcess({
        DATABASE_URL: proxy.url,
        LLM_BASE_URL: model.baseUrl,
        LLM_API_KEY: 'sk-test',
        JOB_LEASE_MS: '3000',
      });
      db = new Client({ connectionString: url });
      await db.connect();
    }, 60_000);
    afterAll(async () => {
      if (service && service.child.exitCode === null) {
        service.child.kill('SIGTERM');
        await service.exited;
      }
      await db?.end();
      await connector?.close();
      await model?.close();
      await proxy?.close();
      if (url) await dropPostgresDatabase(url);
    });

    it('comes back on its own, acts on each redelivered turn once, and leaves every session whole', async () => {
      const workflowId = (
        await db.query<{ id: string }>(
          `select w.id from workflows w join workflow_versions v on v.workflow_id = w.id
          where w.tenant_id = $1 and v.definition->>'title' = 'Monthly reconciliation variance memo' limit 1`,
          [DEMO_TENANT.id],
        )
      ).rows[0]!.id;
      const users = EMPLOYEES.map((email) => {
        const person = requireDemoPerson(email);
        return new RedeliveringTeamsUser(service.url, connector, {
          tenantId: DEMO_TENANT.id,
          aadObjectId: person.aadObjectId,
          displayName: person.displayName,
        });
      });
      const runs = users.map(async (user, index) => {
        // Each employee starts a moment after the last, so the outage finds them at different steps.
        await new Promise((resolve) => setTimeout(resolve, index * 300));
        const replyToId = `card-${index}`;
        const first = await user.click({ op: 'start', workflowId }, {}, { replyToId });
        return runToFeedback(user, first, { replyToId });
      });

      // Mid-run: some answers are being written by the model while the database goes away. The test holds
      // the sessions' rows for a moment, so that the cut finds a turn inside its transaction.
      await waitUntil(() => model.stats().requests >= 2, 'the first generations');
      const blocker = new Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('select id from sessions where workflow_id = $1 for update', [workflowId]);
      await waitUntil(
        async () =>
          (
            await db.query(
              `select 1 from pg_stat_activity where datname = current_database()
                and wait_event_type = 'Lock' and query ilike 'update "sessions"%'`,
            )
          ).rows.length > 0,
        'a turn waiting inside its transaction',
      );
      const readiness: number[] = [];
      const outage = proxy.restart(OUTAGE_MS);
      await blocker.query('rollback');
      await blocker.end();
      const polling = (async () => {
        const started = Date.now();
        while (Date.now() - started < OUTAGE_MS - 500) {
          readiness.push(await readyStatus(service.url));
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      await Promise.all([outage, polling]);
      expect(readiness).toContain(503);
      await waitUntil(async () => (await readyStatus(service.url)) === 200, 'ready again', {
        timeoutMs: 15_000,
      });

      const finished = await Promise.all(runs);
      expect(service.child.exitCode).toBeNull();
      for (const { cards } of finished) expect(cards.length).toBeGreaterThan(3);

      // Turns during the outage were refused in a few words and posted again by "Teams"; no stack trace.
      const refusals = users.flatMap((user) => user.refusals);
      expect(refusals.length).toBeGreaterThan(0);
      // Those that failed while the database was away say so, with 503 (Teams may retry it).
      expect(refusals.some((refusal) => /answered 503: .*database_unavailable/.test(refusal))).toBe(true);
      for (const refusal of refusals) {
        expect(refusal).toMatch(/answered 5\d\d/);
        expect(refusal).not.toMatch(/\n\s+at /);
      }

      // Every session is whole: finished, each step completed once, no event twice, every generation done.
      const sessions = (
        await db.query<{ id: string; status: string; steps: { completedAt?: string }[]; step_count: number }>(
          `select s.id, s.status, s.steps, jsonb_array_length(v.definition->'steps') as step_count
           from sessions s join workflow_versions v on v.id = s.workflow_version_id
          where s.workflow_id = $1`,
          [workflowId],
        )
      ).rows;
      expect(sessions).toHaveLength(EMPLOYEES.length);
      for (const session of sessions) {
        expect(session.status).toBe('completed');
        expect(session.steps).toHaveLength(session.step_count);
        expect(session.steps.every((step) => typeof step.completedAt === 'string')).toBe(true);
      }
      const ids = sessions.map((session) => session.id);
      const perType = await db.query<{ type: string; n: string }>(
        `select type, count(*) as n from events where session_id = any($1) group by type order by type`,
        [ids],
      );
      const stepCount = sessions[0]!.step_count;
      expect(Object.fromEntries(perType.rows.map((row) => [row.type, Number(row.n)]))).toEqual(
        expect.objectContaining({
          'session.started': EMPLOYEES.length,
          // The last step assembles the deliverable and completes the session instead.
          'session.step_completed': EMPLOYEES.length * (stepCount - 1),
          'session.completed': EMPLOYEES.length,
          'session.rated': EMPLOYEES.length,
        }),
      );
      const repeated = await db.query(
        `select session_id, type, data->>'stepIndex' as step, count(*) from events
        where session_id = any($1) group by 1, 2, 3 having count(*) > 1`,
        [ids],
      );
      expect(repeated.rows).toEqual([]);
      // A job is marked done just after its answer reaches the chat.
      const generations = async () =>
        (await db.query<{ status: string }>(`select status from jobs where kind = $1`, [GENERATION_JOB]))
          .rows;
      await waitUntil(
        async () => (await generations()).every((job) => job.status === 'done'),
        'every generation done',
        { timeoutMs: 10_000 },
      );
      expect((await generations()).length).toBeGreaterThanOrEqual(EMPLOYEES.length);
      // What employees typed is not in the log, not even in the failed queries it records.
      expect(service.stderr()).toContain('Failed query');
      expect(service.stdout() + service.stderr()).not.toContain(SAMPLE_MATERIAL.slice(0, 40));
      // The pool opened new connections after the restart rather than giving up.
      expect(proxy.connectionsAccepted).toBeGreaterThan(1);
    }, 90_000);
  },
);
