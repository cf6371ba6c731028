import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  publishWorkflow,
  randomIds,
  silentLogger,
  startSession,
  systemClock,
  type Person,
  type Store,
} from '../../core';
import { loadConfig } from '../../server/config';
import { DEMO_TENANT } from '../../server/demo';
import { startPractica, type RunningPractica } from '../../server/practica';
import { createStore, openDatabase, type Database } from '../../store';
import { personProfile, workflowDefinition } from '../factories';
import { messageActivity } from '../support/activities';
import { startLocalConnector } from '../support/local-connector';
import { type LocalLrs, lrsTargetEnv, startLocalLrs } from '../support/lrs';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';
import { tablesMentioning } from './person-data-scan';

// Concurrent transactions need a database server: PGlite is one connection.
const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/**
 * An erasure that overlaps other work on the same person: a session being started for them in another
 * transaction, a statement of theirs being marked sent by a dispatcher. Each is held open by the test at the
 * worst moment, so the race happens every time.
 */
postgresOnly('an erasure racing other work on the same person (PostgreSQL only)', () => {
  let url: string;
  let lrs: LocalLrs;
  let server: RunningPractica;
  let other: Database;
  let sql: Client;
  let admin: Person;

  beforeAll(async () => {
    [url, lrs] = await Promise.all([createPostgresDatabase(), startLocalLrs()]);
    server = await startPractica(
      loadConfig({
        PRACTICA_DEV_MODE: 'true',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: url,
        SEED_DEMO_HISTORY: 'false',
        ...lrsTargetEnv(lrs),
        LRS_DISPATCH_POLL_MS: '50',
      }),
      { logger: silentLogger },
    );
    other = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    sql = new Client({ connectionString: url });
    await sql.connect();
    admin = (await server.store.people.list(DEMO_TENANT.id)).find((person) =>
      person.roles.includes('admin'),
    )!;
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    await other?.close();
    await server?.stop();
    await lrs?.stop();
    if (url) await dropPostgresDatabase(url);
  });

  const query = async <T>(text: string, values: unknown[] = []) =>
    (await sql.query(text, values)).rows as T[];
  const newColleague = async (name: string) =>
    server.store.people.upsertProfile(
      DEMO_TENANT.id,
      personProfile({
        tenantId: DEMO_TENANT.id,
        displayName: name,
        email: `${name.toLowerCase().replace(/\s+/g, '.')}@northwind.example`,
      }),
    );
  const erase = async (person: Person) => {
    const token = await server.devTokens!.issue(admin);
    return fetch(`${server.url}/api/v1/admin/people/${person.id}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirmEmail: person.email }),
    });
  };
  const erasureWaitingOnALock = async () => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const waiting = await query(
        `select 1 from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and backend_type = 'client backend'`,
      );
      if (waiting.length > 0) return;
      if (Date.now() > deadline) throw new Error('the erasure never waited on the held transaction');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const publish = async (title: string) =>
    (
      await publishWorkflow({
        store: server.store,
        clock: systemClock,
        ids: randomIds,
        tenantId: DEMO_TENANT.id,
        authorId: admin.id,
        definition: workflowDefinition({ title }),
      })
    ).workflow.id;

  const startFor = (store: Store, person: { id: string }, workflowId: string) =>
    startSession({
      store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      personId: person.id,
      workflowId,
      llmAvailable: false,
    });

  it('leaves nothing of a session started for the person while the erasure ran', async () => {
    const person = await newColleague('Morgan Reyes');
    const workflowId = await publish('Cash forecast bridge');
    // Another instance's turn: the session is inserted (with its events and statements) but not yet committed.
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => (commit = resolve));
    let started!: () => void;
    const inserted = new Promise<void>((resolve) => (started = resolve));
    const turn = createStore(other.db, randomIds).transaction(async (tx) => {
      const result = await startFor(tx, person, workflowId);
      expect(result.kind).toBe('started');
      started();
      await committing;
    });
    await inserted;
    const erasure = erase(person);
    await erasureWaitingOnALock();
    commit();
    await turn;

    expect((await erasure).status).toBe(200);
    expect(await tablesMentioning(server.database.db, [person.id])).toEqual({ audit_log: 1 });
  });

  it("answers the person's own turn that was under way when they were erased, and keeps nothing of it", async () => {
    const person = await newColleague('Sam Ortega');
    const workflowId = await publish('Supplier risk note');
    const started = await startFor(server.store, person, workflowId);
    expect(started.kind).toBe('started');
    const connector = await startLocalConnector();
    const activity = messageActivity({
      tenantId: DEMO_TENANT.id,
      aadObjectId: person.aadObjectId,
      serviceUrl: connector.serviceUrl,
      name: person.displayName,
      text: 'Supplier: Acme Ltd; two late deliveries in March; single source for part 7731.',
    });
    // The turn has read the session and waits to record its activity id: the test holds that id's row.
    await query('begin');
    try {
      await query(
        `insert into processed_activities (tenant_id, activity_id, processed_at) values ($1, $2, now())`,
        [DEMO_TENANT.id, activity.id],
      );
      const turn = fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await erasureWaitingOnALock();
      expect((await erase(person)).status).toBe(200);
      await query('rollback');
      const answered = await turn;
      expect(answered.status).toBeLessThan(500);
    } finally {
      await query('rollback').catch(() => undefined);
      await connector.close();
    }
    expect(await tablesMentioning(server.database.db, [person.id])).toEqual({ audit_log: 1 });
  });

  it('voids a statement of theirs that a dispatcher marked sent while the erasure ran', async () => {
    const person = await newColleague('Dana Whitfield');
    const statementId = randomUUID();
    // Not due for an hour: only the test's "dispatcher" below touches it.
    const [row] = await query<{ id: string }>(
      `insert into xapi_outbox (id, tenant_id, statement_id, target, person_id, payload, status, attempts, next_attempt_at)
       values ($1, $2, $3, 'lms', $4, $5, 'pending', 0, now() + interval '1 hour') returning id`,
      [
        randomUUID(),
        DEMO_TENANT.id,
        statementId,
        person.id,
        JSON.stringify({ id: statementId, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } }),
      ],
    );
    const dispatcher = new Client({ connectionString: url });
    await dispatcher.connect();
    try {
      await dispatcher.query('begin');
      await dispatcher.query(`update xapi_outbox set status = 'sent', sent_at = now() where id = $1`, [
        row!.id,
      ]);
      const erasure = erase(person);
      await erasureWaitingOnALock();
      await dispatcher.query('commit');

      const answered = await erasure;
      expect(answered.status).toBe(200);
      const receipt = (await answered.json()) as { statements: { target: string; statementIds: string[] }[] };
      expect(receipt.statements).toEqual([
        expect.objectContaining({ target: 'lms', statementIds: [statementId] }),
      ]);
      const voiding = await query<{ voids: string }>(
        `select payload->'object'->>'id' as voids from xapi_outbox where payload->'verb'->>'id' = $1`,
        [VOIDED],
      );
      expect(voiding.map((entry) => entry.voids)).toContain(statementId);
    } finally {
      await dispatcher.end();
    }
  });
});
