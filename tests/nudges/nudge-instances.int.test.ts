import {
  DAY_MS,
  nudgePlanPayload,
  publishWorkflow,
  randomIds,
  silentLogger,
  type Clock,
  type Person,
} from '../../core';
import { loadConfig } from '../../server/config';
import { DEMO_TENANT } from '../../server/demo';
import { NUDGE_SEND_JOB } from '../../server/jobs';
import { startPractica, type RunningPractica } from '../../server/practica';
import { workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { cardOf, cardText, TeamsUser } from '../support/teams-user';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '../support/test-database';

// Two instances need one database server; PGlite is one process's own.
const onPostgres = testDatabaseKinds().includes('postgres') ? describe : describe.skip;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

onPostgres('nudges with two instances on one database', () => {
  // Wednesday 2 December 2026, 11:00 UTC: working hours in the tenant's zone (UTC).
  const clock: Clock = { now: () => new Date('2026-12-02T11:00:00Z') };
  let url: string;
  let first: RunningPractica;
  let second: RunningPractica;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let people: Record<'jordan' | 'aisha' | 'rahul', Person>;
  let chat: Record<'jordan' | 'aisha', TeamsUser>;
  let workflowId: string;

  beforeAll(async () => {
    connector = await startLocalConnector();
    url = await createPostgresDatabase();
    const env = {
      PRACTICA_DEV_MODE: 'true',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      SEED_DEMO_HISTORY: 'false',
      WORKER_POLL_MS: '20',
      WORKER_CONCURRENCY: '4',
    };
    first = await startPractica(loadConfig(env), { logger: silentLogger, clock, llm: null });
    second = await startPractica(loadConfig(env), { logger: silentLogger, clock, llm: null });
    const byEmail = async (name: string) =>
      (await first.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    people = {
      jordan: await byEmail('jordan.ellis'),
      aisha: await byEmail('aisha.khan'),
      rahul: await byEmail('rahul.mehta'),
    };
    const userOf = (person: Person) =>
      new TeamsUser(first.url, connector, {
        tenantId: DEMO_TENANT.id,
        aadObjectId: person.aadObjectId,
        displayName: person.displayName,
      });
    // Neither manages anyone: the instances' start-up planning sends managers a digest, which would take one
    // of the weekly nudges these tests count whenever it runs after the manager became reachable.
    chat = { jordan: userOf(people.jordan), aisha: userOf(people.aisha) };
    await chat.jordan.say('help');
    await chat.aisha.say('help');
    const published = await publishWorkflow({
      store: first.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: people.rahul.id,
      definition: workflowDefinition({ title: 'Board update draft' }),
    });
    workflowId = published.workflow.id;
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    if (url) await dropPostgresDatabase(url);
    await connector?.close();
  });

  const queue = (server: RunningPractica, person: Person, key: string, jobKey: string) =>
    server.store.jobs.enqueue({
      tenantId: DEMO_TENANT.id,
      kind: NUDGE_SEND_JOB,
      payload: nudgePlanPayload({
        kind: 'toward_l2',
        personId: person.id,
        key,
        runAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 3 * DAY_MS),
        data: { workflowId, runs: 1 },
      }),
      runAt: clock.now(),
      uniqueKey: jobKey,
    });

  const reminders = (user: TeamsUser) =>
    user.received.map(cardOf).filter((card) => card && cardText(card).includes('makes it a habit'));

  it('sends one nudge instance once, whichever instances and jobs pick it up', async () => {
    // Six jobs for the same nudge (as racing planners would leave behind), spread over both instances.
    for (let n = 0; n < 6; n++)
      await queue(n % 2 === 0 ? first : second, people.jordan, 'same-nudge', `nudge:same-nudge@${n}`);
    const deadline = Date.now() + 30_000; // generous: two instances contend for the same rows on a loaded machine
    while (reminders(chat.jordan).length === 0 && Date.now() < deadline) await pause(25);
    await pause(1_000);
    expect(reminders(chat.jordan)).toHaveLength(1);
  });

  it('keeps the weekly limit when both instances send different nudges to one person at once', async () => {
    for (let n = 0; n < 6; n++)
      await queue(n % 2 === 0 ? first : second, people.aisha, `different-${n}`, `nudge:different-${n}`);
    const deadline = Date.now() + 30_000; // generous: two instances contend for the same rows on a loaded machine
    while (reminders(chat.aisha).length < 2 && Date.now() < deadline) await pause(25);
    await pause(1_000);
    expect(reminders(chat.aisha)).toHaveLength(2);
  });
});
