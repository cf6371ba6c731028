import { randomBytes } from 'node:crypto';
import { randomIds, silentLogger, startSession, systemClock, type Person } from '../../core';
import { loadConfig } from '../../server/config';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT } from '../../server/demo';
import { startPractica, type RunningPractica } from '../../server/practica';
import { startLocalLrs, type LocalLrs } from '../support/lrs';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '../support/test-database';
import { eventually } from '../support/eventually';

const HOME = 'https://lms.northwind.example';

// Two instances need one database server; PGlite is one process's own.
const onPostgres = testDatabaseKinds().includes('postgres') ? describe : describe.skip;

onPostgres('an LRS target an admin adds on one instance, on another instance', () => {
  let lrs: LocalLrs;
  let url: string;
  let first: RunningPractica;
  let second: RunningPractica;

  beforeAll(async () => {
    lrs = await startLocalLrs();
    url = await createPostgresDatabase();
    const env = {
      PRACTICA_DEV_MODE: 'true',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      SEED_DEMO_HISTORY: 'false',
      LRS_DISPATCH_POLL_MS: '50',
      PRACTICA_SECRET_KEY: randomBytes(32).toString('hex'),
    };
    first = await startPractica(loadConfig(env), { logger: silentLogger });
    second = await startPractica(loadConfig(env), { logger: silentLogger });
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    if (url) await dropPostgresDatabase(url);
    await lrs?.stop();
  });

  it('is written and sent by the other instance within seconds, without a restart', async () => {
    const people = await first.store.people.list(DEMO_TENANT.id);
    const admin = people.find((person) => person.roles.includes('admin'))!;
    const jordan = people.find((person) => person.email === DEMO_DEFAULT_USER_EMAIL)!;
    const token = await first.devTokens!.issue(admin);
    const created = await fetch(`${first.url}/api/v1/admin/lrs/targets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'lms',
        endpoint: lrs.endpoint,
        auth: { kind: 'basic', ...lrs.basic },
        actor: { kind: 'account', homePage: HOME },
      }),
    });
    expect(created.status).toBe(201);

    // The second instance's writer addresses the new target once its catalog has been refreshed (5 s).
    const start = async (person: Person) =>
      startSession({
        store: second.store,
        clock: systemClock,
        ids: randomIds,
        tenantId: DEMO_TENANT.id,
        personId: person.id,
        workflowId: (await second.store.workflows.listPublished(DEMO_TENANT.id))[0]!.id,
        llmAvailable: false,
      });
    const registration = await eventually(
      async () => {
        const started = await start(jordan);
        if (started.kind !== 'started') throw new Error('no session');
        const rows = await second.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'lms' });
        return rows.some((row) => row.eventId !== null) ? started.session.id : null;
      },
      "a statement for the other instance's target",
      { timeoutMs: 12_000, everyMs: 100 },
    );
    const statement = await eventually(
      async () => (await lrs.statements({ registration }))[0],
      'the statement at the LRS',
    );
    expect(statement.actor).toMatchObject({ account: { homePage: HOME, name: jordan.lmsIdentifier } });
  });
});
