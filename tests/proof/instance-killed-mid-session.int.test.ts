import { Client } from 'pg';
import { SLOW_MODEL_ANSWER, startSlowModel, type SlowModel } from '../../bench/slow-model';
import { GENERATION_JOB } from '../../core';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { runToFeedback } from '../bot/session-driver';
import { startLocalConnector, type SentActivity } from '../support/local-connector';
import { startPracticaProcess, type PracticaProcess } from '../support/practica-process';
import { streamParts, waitForAnswer } from '../support/streamed-answers';
import { actionData, cardOf, cardText, inputIds, TeamsUser } from '../support/teams-user';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';
import { waitUntil } from '../support/eventually';

const postgresOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/**
 * Instance A takes an employee's session up to a generate step and claims its job; the model is slow, and A
 * is killed with SIGKILL while it waits. Instance B, on the same PostgreSQL database, carries on.
 */
postgresOnly('an instance killed with SIGKILL mid-session (PostgreSQL only: TEST_DATABASE_URL)', () => {
  let url: string;
  let model: SlowModel;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  const instances: PracticaProcess[] = [];
  let db: Client;

  beforeAll(async () => {
    url = await createPostgresDatabase();
    // A's call never gets its answer (A dies first); every later call is answered quickly.
    model = await startSlowModel((request) => (request === 1 ? 60_000 : 300));
    connector = await startLocalConnector();
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.exited));
    await db?.end();
    await connector?.close();
    await model?.close();
    if (url) await dropPostgresDatabase(url);
  });

  const startInstance = async () => {
    const instance = await startPracticaProcess({
      DATABASE_URL: url,
      LLM_BASE_URL: model.baseUrl,
      LLM_API_KEY: 'sk-test',
      JOB_LEASE_MS: '2000',
    });
    instances.push(instance);
    return instance;
  };

  it('lets the other instance finish the claimed generation once, and the session reach its deliverable', async () => {
    const a = await startInstance();
    const person = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
    const identity = {
      tenantId: DEMO_TENANT.id,
      aadObjectId: person.aadObjectId,
      displayName: person.displayName,
    };
    const onA = new TeamsUser(a.url, connector, identity);
    const workflowId = (
      await db.query<{ id: string }>(
        `select w.id from workflows w join workflow_versions v on v.workflow_id = w.id
          where w.tenant_id = $1 and v.definition->>'title' = 'Monthly reconciliation variance memo' limit 1`,
        [DEMO_TENANT.id],
      )
    ).rows[0]!.id;
    const replyToId = 'memo-card';
    const first = await onA.click({ op: 'start', workflowId }, {}, { replyToId });
    const inputs = Object.fromEntries(
      inputIds(first)
        .filter((id) => id.startsWith('input.'))
        .map((id) => [id, `GL 182,400 vs 141,900 (${id})`]),
    );
    const generating = await onA.click(actionData(first, 'submit_inputs')!, inputs, { replyToId });
    expect(cardText(generating)).toContain('Generating…');

    // A has claimed the generation and is waiting for the model; B starts beside it and serves the chat.
    const claimedBy = async () =>
      (
        await db.query<{ locked_by: string | null; status: string; attempts: number }>(
          'select locked_by, status, attempts from jobs where kind = $1',
          [GENERATION_JOB],
        )
      ).rows;
    await waitUntil(async () => model.stats().requests === 1, 'A calls the model');
    expect(await claimedBy()).toEqual([
      { locked_by: expect.stringMatching(new RegExp(`^${a.child.pid}-`)), status: 'running', attempts: 1 },
    ]);
    const b = await startInstance();
    const onB = new TeamsUser(b.url, connector, identity);
    const status = await onB.say('status');
    expect(status[0]?.activity.text).toContain('step 2 of');

    const beforeKill = onB.received.length;
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');

    // After A's lease runs out B claims the job, asks the model again and delivers the answer.
    const answered = await waitForAnswer(onB, {
      since: beforeKill,
      replyToId,
      accepts: (card) => actionData(card, 'accept_output') !== null,
    });
    const delivered = (sent: SentActivity) => {
      const card = cardOf(sent);
      return `${sent.activity.text ?? ''}\n${card ? cardText(card) : ''}`.includes(SLOW_MODEL_ANSWER);
    };
    expect(onB.received.slice(beforeKill).some(delivered)).toBe(true);
    await waitUntil(async () => (await claimedBy())[0]?.status === 'done', 'the job recorded as done');
    expect(await claimedBy()).toEqual([
      { locked_by: expect.stringMatching(new RegExp(`^${b.child.pid}-`)), status: 'done', attempts: 2 },
    ]);
    expect(model.stats()).toMatchObject({ requests: 2, answered: 1 });

    await runToFeedback(onB, answered, { replyToId });

    // Each generation reached the chat exactly once: a final streamed message or an update of the card.
    const conversation = onB.received;
    const finals = conversation.filter(
      (sent) => streamParts([sent])[0]?.streamType === 'final' && delivered(sent),
    );
    const updates = conversation.filter((sent) => sent.updatedActivityId === replyToId && delivered(sent));
    const generations = (
      await db.query<{ n: string }>('select count(*) as n from jobs where kind = $1', [GENERATION_JOB])
    ).rows[0]!.n;
    expect(finals.length + updates.length).toBe(Number(generations));

    const [session] = (
      await db.query<{ id: string; status: string; deliverable: string | null }>(
        'select id, status, deliverable from sessions where workflow_id = $1',
        [workflowId],
      )
    ).rows;
    expect(session?.status).toBe('completed');
    expect(session?.deliverable).toContain(SLOW_MODEL_ANSWER);
    const repeated = await db.query(
      `select type, data->>'stepIndex' as step, count(*) from events
        where session_id = $1 group by 1, 2 having count(*) > 1`,
      [session!.id],
    );
    expect(repeated.rows).toEqual([]);
    const started = await db.query(
      `select 1 from events where session_id = $1 and type = 'session.started'`,
      [session!.id],
    );
    expect(started.rows).toHaveLength(1);
  }, 90_000);
});
