import { Client } from 'pg';
import { actOnSession, publishWorkflow, randomIds, silentLogger, startSession, type Clock } from '../../core';
import { loadConfig } from '../../server/config';
import { DEMO_PEOPLE, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { startPractica, type RunningPractica } from '../../server/practica';
import type { PersonProfile } from '../../core';
import { workflowDefinition } from '../factories';
import { runToFeedback } from '../bot/session-driver';
import { tablesMentioning } from '../data-rights/person-data-scan';
import { startLocalConnector } from '../support/local-connector';
import { type LocalLrs, lrsTargetEnv, startLocalLrs } from '../support/lrs';
import { TeamsUser } from '../support/teams-user';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';
import { waitUntil } from '../support/eventually';

const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const ADMIN = requireDemoPerson('priya.raman@northwind.example');
const EXPORTED = requireDemoPerson('sofia.lindqvist@northwind.example');
const ERASED = requireDemoPerson('aisha.khan@northwind.example');
/** Whose sessions of half a year ago the retention purge finds while everyone else works. */
const LONG_AGO = requireDemoPerson('jordan.ellis@northwind.example');
const CONFIDENTIAL = 'Salary line for J. Smith: 84,000';
const DAY_MS = 24 * 3_600_000;
const WORKFLOW = 'Monthly reconciliation variance memo';

// Sessions on two instances and the LRS share the machine: give each wait a minute.
const waitUntilLong = (condition: () => Promise<boolean>, what: string) =>
  waitUntil(condition, what, { timeoutMs: 60_000 });
type Loop = { person: PersonProfile; finished: number; errors: string[]; done: Promise<void> };

/**
 * Export, erasure and the retention purge while colleagues run whole guided sessions on two instances of one
 * database, and while the exported and the erased person are themselves in the middle of sessions.
 */
postgresOnly('data rights under load (PostgreSQL only: TEST_DATABASE_URL)', () => {
  let url: string;
  let sql: Client;
  let lrs: LocalLrs;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let instances: RunningPractica[] = [];

  beforeAll(async () => {
    [url, lrs, connector] = await Promise.all([
      createPostgresDatabase(),
      startLocalLrs(),
      startLocalConnector(),
    ]);
    const env = {
      PRACTICA_DEV_MODE: 'true',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      SEED_DEMO_HISTORY: 'false',
      WORKER_POLL_MS: '20',
      ...lrsTargetEnv(lrs),
      LRS_DISPATCH_POLL_MS: '50',
      // A statement on its way to the LRS when its person is erased is voided once its lease is over.
      LRS_DISPATCH_LEASE_MS: '2000',
    };
    // One after the other: the first migrates and seeds the demo tenant.
    instances.push(await startPractica(loadConfig(env), { logger: silentLogger }));
    instances.push(await startPractica(loadConfig(env), { logger: silentLogger }));
    sql = new Client({ connectionString: url });
    await sql.connect();
  }, 90_000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    instances = [];
    await sql?.end();
    await connector?.close();
    await lrs?.stop();
    if (url) await dropPostgresDatabase(url);
  });

  const query = async <T>(text: string, values: unknown[] = []): Promise<T[]> =>
    (await sql.query(text, values)).rows as T[];
  const personIdOf = async (email: string) =>
    (
      await query<{ id: string }>('select id from people where tenant_id = $1 and email = $2', [
        DEMO_TENANT.id,
        email,
      ])
    )[0]!.id;
  const adminRequest = async (instance: RunningPractica, method: string, path: string, body?: unknown) => {
    const admin = await instance.store.people.findByEmail(DEMO_TENANT.id, ADMIN.email);
    const token = await instance.devTokens!.issue(admin!);
    return fetch(`${instance.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  };

  /** Sessions one after another until `stop()`; each on the instance its turn falls to. */
  const runSessions = (
    person: PersonProfile,
    index: number,
    workflowId: string,
    stopped: () => boolean,
  ): Loop => {
    const loop: Loop = { person, finished: 0, errors: [], done: Promise.resolve() };
    loop.done = (async () => {
      for (let round = 0; !stopped(); round++) {
        const instance = instances[(index + round) % instances.length]!;
        const user = new TeamsUser(instance.url, connector, {
          tenantId: DEMO_TENANT.id,
          aadObjectId: person.aadObjectId,
          displayName: person.displayName,
        });
        try {
          const replyToId = `card-${index}-${round}`;
          const first = await user.click({ op: 'start', workflowId }, {}, { replyToId });
          await runToFeedback(user, first, { replyToId });
          loop.finished++;
        } catch (error) {
          loop.errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    })();
    return loop;
  };

  /** Two sessions finished 200 days ago, past the tenant's 90-day retention (of a workflow published then). */
  const sessionsLongAgo = async (): Promise<string[]> => {
    let at = Date.now() - 200 * DAY_MS;
    const clock: Clock = { now: () => new Date((at += 60_000)) };
    const base = {
      store: instances[0]!.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      llmAvailable: false,
    };
    const personId = await personIdOf(LONG_AGO.email);
    const { workflow } = await publishWorkflow({
      ...base,
      authorId: await personIdOf(ADMIN.email),
      definition: workflowDefinition({ title: 'Quarter-end variance memo' }),
    });
    const ids: string[] = [];
    for (let index = 0; index < 2; index++) {
      const started = await startSession({ ...base, personId, workflowId: workflow.id });
      if (started.kind !== 'started') throw new Error(`not started: ${started.kind}`);
      const act = async (action: Parameters<typeof actOnSession>[0]['action']) => {
        const result = await actOnSession({
          ...base,
          sessionId: started.session.id,
          action,
          actorPersonId: personId,
        });
        if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
      };
      await act({ type: 'submit_inputs', inputs: { variances: CONFIDENTIAL } });
      await act({ type: 'provide_output', text: `Memo about ${CONFIDENTIAL}` });
      await act({ type: 'complete_verification', checked: [], corrections: 'Fixed 84,000' });
      await act({ type: 'submit_feedback', feedback: { ratings: { accuracy: 5, clarity: 4, actions: 4 } } });
      ids.push(started.session.id);
    }
    return ids;
  };

  it('exports a consistent snapshot, erases everything of a person mid-session, purges only expired content, and loses nothing of anyone else', async () => {
    const [{ id: workflowId } = { id: '' }] = await query<{ id: string }>(
      'select id from workflows where tenant_id = $1 and title = $2',
      [DEMO_TENANT.id, WORKFLOW],
    );
    const longAgo = await sessionsLongAgo();
    const erasedId = await personIdOf(ERASED.email);
    const exportedId = await personIdOf(EXPORTED.email);

    const colleagues = DEMO_PEOPLE.filter(
      (person) => ![ADMIN, EXPORTED, ERASED, LONG_AGO].some((other) => other.email === person.email),
    ).slice(0, 10);
    let everyoneStops = false;
    let erasedStops = false;
    const loops = colleagues.map((person, index) =>
      runSessions(person, index, workflowId, () => everyoneStops),
    );
    const exported = runSessions(EXPORTED, 10, workflowId, () => everyoneStops);
    const erased = runSessions(ERASED, 11, workflowId, () => erasedStops);

    // Work under way: each has finished two sessions, and the erased person's statements reached the LRS.
    await waitUntilLong(
      async () => [...loops, exported, erased].every((loop) => loop.finished >= 2),
      'two sessions each',
    );
    await waitUntilLong(
      async () =>
        (await query('select 1 from xapi_outbox where person_id = $1 and status = $2', [erasedId, 'sent']))
          .length >= 3,
      "the erased person's statements sent",
    );

    // Housekeeping comes round (retention purge), an admin exports one person and erases another, all at once.
    const housekeepingRuns = async () =>
      (await query(`select 1 from jobs where kind = 'housekeeping' and status = 'done'`)).length;
    const runsBefore = await housekeepingRuns();
    await query(`update jobs set run_at = now() where kind = 'housekeeping' and status = 'queued'`);
    // Each body is read as it arrives, as a client would: an unread response held past the server's
    // keep-alive timeout (5 s, under CI's load) reaches fetch as "terminated: other side closed".
    const answer = async (response: Response) => ({ status: response.status, body: await response.json() });
    const [exportResponse, erasure] = await Promise.all([
      adminRequest(instances[1]!, 'GET', `/api/v1/admin/people/${exportedId}/export`).then(answer),
      adminRequest(instances[0]!, 'POST', `/api/v1/admin/people/${erasedId}/erase`, {
        confirmEmail: ERASED.email,
      }).then(answer),
    ]);
    expect(erasure.status).toBe(200);
    erasedStops = true;
    await erased.done;
    await waitUntilLong(async () => (await housekeepingRuns()) > runsBefore, 'the housekeeping run');
    // A little more work after all three, then everyone finishes the session in hand.
    const finishedBefore = loops.map((loop) => loop.finished);
    await waitUntilLong(
      async () => loops.every((loop, index) => loop.finished > finishedBefore[index]!),
      'a session each after',
    );
    everyoneStops = true;
    await Promise.all([...loops, exported].map((loop) => loop.done));

    // Nobody else lost anything: every session played to the end is stored completed, each event once.
    for (const loop of [...loops, exported]) {
      expect({ who: loop.person.email, errors: loop.errors }).toEqual({ who: loop.person.email, errors: [] });
      const personId = await personIdOf(loop.person.email);
      const completed = await query<{ id: string }>(
        `select id from sessions where person_id = $1 and status = 'completed' and started_at > now() - interval '1 hour'`,
        [personId],
      );
      expect(completed).toHaveLength(loop.finished);
    }
    expect(
      await query(
        `select session_id, type from events where type in ('session.started', 'session.completed')
          group by session_id, type having count(*) > 1`,
      ),
    ).toEqual([]);

    // The export is one consistent snapshot: every event of a session belongs to a session it lists.
    expect(exportResponse.status).toBe(200);
    const snapshot = exportResponse.body as {
      person: { id: string };
      sessions: { id: string }[];
      events: { sessionId: string | null; type: string }[];
    };
    expect(snapshot.person.id).toBe(exportedId);
    const exportedSessions = new Set(snapshot.sessions.map((session) => session.id));
    expect(exportedSessions.size).toBeGreaterThanOrEqual(1);
    expect(
      snapshot.events.filter((event) => event.sessionId !== null && !exportedSessions.has(event.sessionId)),
    ).toEqual([]);

    // Nothing is left of the erased person but the audit entry; every statement of theirs is voided.
    expect(await tablesMentioning(instances[0]!.database.db, [erasedId])).toEqual({ audit_log: 1 });
    const receipt = erasure.body as { statements: { target: string; statementIds: string[] }[] };
    const theirStatements = receipt.statements.flatMap((group) => group.statementIds).sort();
    expect(theirStatements.length).toBeGreaterThanOrEqual(3);
    await waitUntilLong(
      async () =>
        (await lrs.statements({ verb: VOIDED })).filter((statement) =>
          theirStatements.includes((statement.object as { id: string }).id),
        ).length === theirStatements.length,
      'every statement of theirs voided at the LRS',
    );

    // The purge took the expired content only.
    for (const sessionId of longAgo) {
      const [row] = await query<{ steps: unknown; content_purged_at: Date | null }>(
        'select steps, content_purged_at from sessions where id = $1',
        [sessionId],
      );
      expect(row?.content_purged_at).not.toBeNull();
      expect(JSON.stringify(row?.steps)).not.toContain('84,000');
    }
    expect(
      await query(
        `select id from sessions where started_at > now() - interval '1 hour' and content_purged_at is not null`,
      ),
    ).toEqual([]);

    // The organisation's weekly sums still add up to everyone's own, after the erasure and under load.
    expect(
      await query(
        `select coalesce(t.week_start, p.week_start) as week, t.started as tenant, p.started as people
           from (select week_start, sum(sessions_started)::int as started from tenant_week_rollups group by week_start) t
           full join (select week_start, sum(sessions_started)::int as started from person_week_rollups group by week_start) p
             on p.week_start = t.week_start
          where t.started is distinct from p.started`,
      ),
    ).toEqual([]);
  }, 180_000);
});
