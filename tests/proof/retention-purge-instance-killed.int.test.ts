import { Client } from 'pg';
import { actOnSession, publishWorkflow, randomIds, startSession, type Store } from '../../core';
import { createStore, migrateDatabase, openDatabase, type Database } from '../../store';
import { fixedClock, personProfile, seedTenant, workflowDefinition } from '../factories';
import { startPracticaProcess, type PracticaProcess } from '../support/practica-process';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';
import { waitUntil } from '../support/eventually';

const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

const CONFIDENTIAL = 'Salary line for J. Smith: 84,000';
const DAY_MS = 24 * 3_600_000;

/**
 * The daily housekeeping job (idle sessions abandoned, content past retention deleted) runs on instance A
 * and is killed with SIGKILL halfway: after the abandonment, while one purge waits on a row the test holds.
 * Instance B takes the job over once A's lease has run out.
 */
postgresOnly(
  'the retention purge whose instance is killed midway (PostgreSQL only: TEST_DATABASE_URL)',
  () => {
    let url: string;
    let database: Database;
    let store: Store;
    let sql: Client;
    const instances: PracticaProcess[] = [];

    beforeAll(async () => {
      url = await createPostgresDatabase();
      database = await openDatabase({ kind: 'postgres', url, poolSize: 3 });
      await migrateDatabase(database);
      store = createStore(database.db);
      sql = new Client({ connectionString: url });
      await sql.connect();
    });
    afterAll(async () => {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGTERM');
      await Promise.all(instances.map((instance) => instance.exited));
      await sql?.end();
      await database?.close();
      if (url) await dropPostgresDatabase(url);
    });

    const startInstance = async () => {
      const instance = await startPracticaProcess({
        DATABASE_URL: url,
        SEED_DEMO: 'false',
        JOB_LEASE_MS: '2000',
      });
      instances.push(instance);
      return instance;
    };
    const query = async <T>(text: string, values: unknown[] = []): Promise<T[]> =>
      (await sql.query(text, values)).rows as T[];

    it('is finished by the other instance: every expired session purged once, the idle one abandoned once', async () => {
      // Half a year ago: two sessions finished (past the 90-day retention) and one left idle.
      const clock = fixedClock(new Date(Date.now() - 200 * DAY_MS).toISOString());
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
      const start = async () => {
        const started = await startSession({ ...base, personId: person.id, workflowId: workflow.id });
        if (started.kind !== 'started') throw new Error('not started');
        return started.session.id;
      };
      const act = async (sessionId: string, action: Parameters<typeof actOnSession>[0]['action']) => {
        clock.advance(60_000);
        const result = await actOnSession({ ...base, sessionId, action, actorPersonId: person.id });
        if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
      };
      const finished: string[] = [];
      for (let index = 0; index < 2; index++) {
        const sessionId = await start();
        await act(sessionId, { type: 'submit_inputs', inputs: { variances: CONFIDENTIAL } });
        await act(sessionId, { type: 'provide_output', text: `Memo about ${CONFIDENTIAL}` });
        await act(sessionId, { type: 'complete_verification', checked: [], corrections: 'Fixed 84,000' });
        await act(sessionId, {
          type: 'submit_feedback',
          feedback: { ratings: { accuracy: 5, clarity: 4, actions: 4 } },
        });
        finished.push(sessionId);
      }
      const idle = await start();
      await act(idle, { type: 'submit_inputs', inputs: { variances: CONFIDENTIAL } });

      // The test holds one finished session's row, so A's purge stops there, after the abandonment.
      const versionsBefore = new Map<string, number>();
      for (const sessionId of [...finished, idle])
        versionsBefore.set(sessionId, (await store.sessions.get(tenantId, sessionId))!.version);
      const blocker = new Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('select id from sessions where id = $1 for update', [finished[1]]);
      const a = await startInstance();
      const housekeeping = () =>
        query<{ status: string; attempts: number; locked_by: string | null }>(
          `select status, attempts, locked_by from jobs where tenant_id = $1 and kind = 'housekeeping' order by created_at`,
          [tenantId],
        );
      await waitUntil(
        async () =>
          (
            await query(
              `select 1 from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and query ilike 'update "sessions"%'`,
            )
          ).length === 1,
        'the purge waiting on the held session',
      );
      expect(await housekeeping()).toEqual([
        { status: 'running', attempts: 1, locked_by: expect.stringMatching(new RegExp(`^${a.child.pid}-`)) },
      ]);
      expect((await store.sessions.get(tenantId, idle))?.status).toBe('abandoned');
      a.child.kill('SIGKILL');
      expect((await a.exited).signal).toBe('SIGKILL');
      await blocker.query('rollback');
      await blocker.end();
      // The update A had already sent may still be carried out by the database once the row is free (one
      // statement, committed on its own); whether it is or not, B must not purge anything twice.

      const b = await startInstance();
      await waitUntil(
        // Done, then the next run queued (a second write, after the first).
        async () => (await housekeeping()).some((job) => job.status === 'queued'),
        'housekeeping finished on B',
      );
      const jobs = await housekeeping();
      expect(jobs).toEqual([
        { status: 'done', attempts: 2, locked_by: expect.stringMatching(new RegExp(`^${b.child.pid}-`)) },
        // Tomorrow's run, queued once.
        { status: 'queued', attempts: 0, locked_by: null },
      ]);

      for (const sessionId of finished) {
        const session = await store.sessions.get(tenantId, sessionId);
        expect(JSON.stringify(session)).not.toContain('84,000');
        expect(session?.contentPurgedAt).not.toBeNull();
        expect(session!.version - versionsBefore.get(sessionId)!).toBe(1);
      }
      // The idle one was abandoned once; its retention counts from then, so its content stays for now.
      const abandonedSession = await store.sessions.get(tenantId, idle);
      expect(abandonedSession?.status).toBe('abandoned');
      expect(abandonedSession!.version - versionsBefore.get(idle)!).toBe(1);
      for (const sessionId of finished)
        expect((await store.sessions.get(tenantId, sessionId))?.feedback?.ratings).toEqual({
          accuracy: 5,
          clarity: 4,
          actions: 4,
        });
      const abandoned = await store.events.listForTenant(tenantId, { type: 'session.abandoned' });
      expect(abandoned.map((event) => event.sessionId)).toEqual([idle]);
      expect(await store.events.listForTenant(tenantId, { type: 'session.completed' })).toHaveLength(2);
    }, 90_000);
  },
);
