import { Client } from 'pg';
import { DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { openDatabase, type Database } from '../../store';
import { runToFeedback } from '../bot/session-driver';
import { tablesMentioning } from '../data-rights/person-data-scan';
import { startLocalConnector } from '../support/local-connector';
import { type LocalLrs, lrsTargetEnv, startLocalLrs } from '../support/lrs';
import { startPracticaProcess, type PracticaProcess } from '../support/practica-process';
import { TeamsUser } from '../support/teams-user';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';
import { waitUntil } from '../support/eventually';

const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const ERASED = requireDemoPerson('aisha.khan@northwind.example');
const ADMIN_EMAIL = 'priya.raman@northwind.example';

/**
 * Erasure runs inside the request, in one transaction. Instance A is killed with SIGKILL while that
 * transaction has done its deletes and waits to write the audit entry (the test holds a lock on the audit
 * log); the admin's client sends the request again to instance B.
 */
postgresOnly('an erasure whose instance is killed midway (PostgreSQL only: TEST_DATABASE_URL)', () => {
  let url: string;
  let database: Database;
  let lrs: LocalLrs;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let a: PracticaProcess;
  let b: PracticaProcess;
  let startingB: Promise<PracticaProcess>;

  beforeAll(async () => {
    [url, lrs, connector] = await Promise.all([
      createPostgresDatabase(),
      startLocalLrs(),
      startLocalConnector(),
    ]);
    const env = {
      DATABASE_URL: url,
      ...lrsTargetEnv(lrs),
      LRS_DISPATCH_POLL_MS: '50',
      LRS_DISPATCH_LEASE_MS: '2000',
    };
    // A starts first so that it alone migrates and seeds; B starts while the test runs on A.
    a = await startPracticaProcess(env);
    startingB = startPracticaProcess(env).then((started) => (b = started));
    database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  }, 60_000);
  afterAll(async () => {
    await startingB?.catch(() => undefined);
    for (const instance of [a, b])
      if (instance && instance.child.exitCode === null) instance.child.kill('SIGTERM');
    await Promise.all([a, b].filter(Boolean).map((instance) => instance.exited));
    await database?.close();
    await connector?.close();
    await lrs?.stop();
    if (url) await dropPostgresDatabase(url);
  });

  const query = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const erase = async (instance: PracticaProcess, personId: string): Promise<Response> => {
    const { token } = (await (
      await fetch(`${instance.url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN_EMAIL }),
      })
    ).json()) as { token: string };
    return fetch(`${instance.url}/api/v1/admin/people/${personId}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirmEmail: ERASED.email }),
    });
  };

  it('leaves nothing half-erased, and the client’s retry on the other instance erases once and voids once', async () => {
    // Aisha runs a workflow to the end in the chat; her statements reach the LRS.
    const aisha = new TeamsUser(a.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: ERASED.aadObjectId,
      displayName: ERASED.displayName,
    });
    const [{ id: workflowId } = { id: '' }] = await query<{ id: string }>(
      `select w.id from workflows w join workflow_versions v on v.workflow_id = w.id
        where w.tenant_id = $1 and v.definition->>'title' = 'Monthly reconciliation variance memo' limit 1`,
      [DEMO_TENANT.id],
    );
    const first = await aisha.click({ op: 'start', workflowId }, {}, { replyToId: 'card' });
    await runToFeedback(aisha, first, { replyToId: 'card' });
    const [{ id: personId } = { id: '' }] = await query<{ id: string }>(
      'select id from people where email = $1',
      [ERASED.email],
    );
    const theirs = () =>
      query<{ statement_id: string; status: string }>(
        'select statement_id, status from xapi_outbox where person_id = $1',
        [personId],
      );
    await waitUntil(
      async () => (await theirs()).length >= 3 && (await theirs()).every((row) => row.status === 'sent'),
      'her statements sent',
    );
    const sent = (await theirs()).map((row) => row.statement_id).sort();
    const needles = [personId, ERASED.email, ERASED.aadObjectId, ERASED.displayName];
    if (ERASED.employeeId) needles.push(ERASED.employeeId);
    const before = await tablesMentioning(database.db, needles);
    expect(before).toEqual(expect.objectContaining({ people: 1, sessions: 1, xapi_outbox: sent.length }));

    // The erasure on A gets as far as its audit entry and waits there.
    const blocker = new Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table audit_log in share mode');
    const onA = erase(a, personId).then(
      (response) => `answered ${response.status}`,
      (error: unknown) => `failed: ${String(error)}`,
    );
    const waitingOnAudit = async () =>
      (
        await query<{ query: string }>(
          `select query from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and query ilike 'insert into "audit_log"%'`,
        )
      ).length === 1;
    await waitUntil(waitingOnAudit, 'the erasure waiting to write its audit entry');
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    expect(await onA).toMatch(/^failed/);
    await blocker.query('rollback');
    await blocker.end();

    // A's transaction dies with its connection: everything about her is still there, nothing voided.
    await waitUntil(
      async () =>
        (
          await query(
            `select 1 from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
          )
        ).length === 0,
      "A's transaction rolled back",
    );
    expect(await tablesMentioning(database.db, needles)).toEqual(before);
    expect(await query(`select 1 from xapi_outbox where payload->'verb'->>'id' = $1`, [VOIDED])).toEqual([]);
    expect(await query(`select 1 from audit_log where action = 'person.erased'`)).toEqual([]);

    // The admin's client sends the request again, to B.
    await startingB;
    const retried = await erase(b, personId);
    expect(retried.status).toBe(200);
    const receipt = (await retried.json()) as { statements: { target: string; statementIds: string[] }[] };
    expect(receipt.statements.map((group) => group.target)).toEqual(['lms']);
    expect(receipt.statements[0]!.statementIds.sort()).toEqual(sent);
    expect(await tablesMentioning(database.db, needles)).toEqual({ audit_log: 1 });
    expect(await query(`select 1 from audit_log where action = 'person.erased'`)).toHaveLength(1);

    // Every statement of hers is voided at the LRS, each by exactly one voiding statement.
    await waitUntil(
      async () =>
        (
          await query<{ status: string }>(
            `select status from xapi_outbox where payload->'verb'->>'id' = $1`,
            [VOIDED],
          )
        ).filter((row) => row.status === 'sent').length === sent.length,
      'voiding statements sent',
    );
    const voiding = await lrs.statements({ verb: VOIDED });
    const voidedIds = voiding.map((statement) => (statement.object as { id: string }).id).sort();
    expect(voidedIds).toEqual(sent);
    const visible = (await lrs.statements()).map((statement) => statement.id as string);
    expect(visible.filter((id) => sent.includes(id))).toEqual([]);
  }, 90_000);
});
