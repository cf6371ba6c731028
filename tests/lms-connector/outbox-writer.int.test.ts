import { randomUUID } from 'node:crypto';
import validateStatement from '@learninglocker/xapi-validation';
import {
  actOnSession,
  publishWorkflow,
  randomIds,
  startSession,
  type DomainEvent,
  type Logger,
  type OutboxEntry,
  type SessionAction,
  type Store,
} from '../../core';
import { withXapiOutbox, type OutboxTarget } from '../../lms-connector/outbox';
import { createStore } from '../../store';
import { fixedClock, personProfile, seedTenant, workflowDefinition } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const TARGETS: OutboxTarget[] = [
  { name: 'lms', actor: { kind: 'account', homePage: 'https://lms.contoso.com' } },
  { name: 'analytics', actor: { kind: 'mbox' } },
];
const SECRET = 'CONFIDENTIAL salary line for J. Smith 84,000';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  const logger: Logger & { errors: string[] } = {
    errors,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`),
    child: () => logger,
  };
  return logger;
}

describe.each(testDatabaseKinds())('outbox rows written with their events on %s', (kind) => {
  let database: TestDatabase;
  let plain: Store;
  let logger: ReturnType<typeof recordingLogger>;
  const targetTenants = new Set<string>();
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    plain = createStore(database.db);
    logger = recordingLogger();
    store = withXapiOutbox(plain, {
      targetsFor: (tenantId) => (targetTenants.has(tenantId) ? TARGETS : []),
      baseUrl: 'https://practica.contoso.com/',
      ids: randomIds,
      logger,
    });
  });
  afterAll(() => database.drop());

  async function playSession(tenantId: string, employee: { lmsIdentifier: string | null }) {
    const clock = fixedClock('2026-11-02T09:00:00Z');
    const author = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const person = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Blake Buyer', email: 'Blake.Buyer@Contoso.com', ...employee }),
    );
    const { workflow } = await publishWorkflow({
      store,
      clock,
      ids: randomIds,
      tenantId,
      authorId: author.id,
      definition: workflowDefinition(),
    });
    const base = { store, clock, ids: randomIds, tenantId, llmAvailable: false };
    const started = await startSession({ ...base, personId: person.id, workflowId: workflow.id });
    if (started.kind !== 'started') throw new Error('not started');
    const actions: SessionAction[] = [
      { type: 'submit_inputs', inputs: { variances: SECRET } },
      { type: 'provide_output', text: `Memo: ${SECRET}` },
      { type: 'complete_verification', checked: [], corrections: SECRET },
      {
        type: 'submit_feedback',
        feedback: {
          ratings: { accuracy: 5, clarity: 4, actions: 4 },
          whatBroke: { stepId: null, text: SECRET },
        },
      },
    ];
    for (const action of actions) {
      clock.advance(3 * 60_000);
      const result = await actOnSession({
        ...base,
        sessionId: started.session.id,
        action,
        actorPersonId: person.id,
      });
      if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
    }
    const events = await plain.events.listForTenant(tenantId, { limit: 100 });
    const rows = await plain.xapiOutbox.list(tenantId, { limit: 1_000 });
    return { person, author, workflow, events, rows };
  }

  it('writes every statement of a whole session for each target, with one fixed id per statement, all valid xAPI', async () => {
    const tenantId = await seedTenant(plain);
    targetTenants.add(tenantId);
    const { person, events, rows } = await playSession(tenantId, { lmsIdentifier: 'E-20431' });

    const verbs = (target: string) =>
      rows
        .filter((row) => row.target === target && row.personId === person.id)
        .map((row) => (row.payload as { verb: { id: string } }).verb.id.split('/').at(-1))
        .sort();
    const expected = [
      'completed',
      'create',
      'initialized',
      'progressed',
      'progressed',
      'progressed',
      'rated',
      'use',
    ];
    expect(verbs('lms')).toEqual(expected);
    expect(verbs('analytics')).toEqual(expected);
    expect(
      rows
        .filter((row) => row.personId !== person.id)
        .map((row) => row.target)
        .sort(),
    ).toEqual(['analytics', 'lms']); // the author's "authored" statement

    for (const row of rows) {
      expect(row.status).toBe('pending');
      expect(row.payload.id).toBe(row.statementId);
      expect(events.map((event) => event.id)).toContain(row.eventId);
      expect(validateStatement(row.payload)).toEqual([]);
    }
    const lmsRow = rows.find((row) => row.target === 'lms' && row.personId === person.id);
    expect(lmsRow?.payload.actor).toEqual({
      objectType: 'Agent',
      name: 'Blake Buyer',
      account: { homePage: 'https://lms.contoso.com', name: 'E-20431' },
    });
    const twin = rows.find((row) => row.target === 'analytics' && row.statementId === lmsRow?.statementId);
    expect(twin?.payload.actor).toEqual({
      objectType: 'Agent',
      name: 'Blake Buyer',
      mbox: 'mailto:blake.buyer@contoso.com',
    });
    expect(new Set(rows.map((row) => row.statementId)).size).toBe(rows.length / 2);
    expect(JSON.stringify(rows)).not.toContain('84,000');
  });

  it('holds the statements of a person the account target cannot name yet, without an actor, and sends the mbox copies', async () => {
    const tenantId = await seedTenant(plain);
    targetTenants.add(tenantId);
    const { person, rows } = await playSession(tenantId, { lmsIdentifier: null });
    const mine = (target: string) =>
      rows.filter((row) => row.personId === person.id && row.target === target);
    expect(mine('lms').length).toBeGreaterThan(5);
    for (const row of mine('lms')) {
      expect(row.status).toBe('held');
      expect(row.payload).not.toHaveProperty('actor');
    }
    for (const row of mine('analytics')) expect(row.status).toBe('pending');
  });

  it('sends the held statements, addressed, once the person gets the identifier the target uses', async () => {
    const tenantId = await seedTenant(plain);
    targetTenants.add(tenantId);
    const { person } = await playSession(tenantId, { lmsIdentifier: null });
    const held = await store.xapiOutbox.list(tenantId, { target: 'lms', status: 'held', limit: 500 });
    expect(held.filter((row) => row.personId === person.id).length).toBeGreaterThan(5);

    // The directory (or a CSV import) now knows their LMS identifier.
    await store.people.upsertProfile(
      tenantId,
      personProfile({
        tenantId,
        aadObjectId: person.aadObjectId,
        displayName: person.displayName,
        email: person.email,
        lmsIdentifier: 'E-77001',
      }),
    );
    const lms = await store.xapiOutbox.list(tenantId, { target: 'lms', limit: 500 });
    const theirs = lms.filter((entry) => entry.personId === person.id);
    expect(theirs).toHaveLength(held.filter((row) => row.personId === person.id).length);
    for (const row of theirs) {
      expect(row.status).toBe('pending');
      expect(row.payload.id).toBe(row.statementId);
      expect(row.payload.actor).toEqual({
        objectType: 'Agent',
        name: person.displayName,
        account: { homePage: 'https://lms.contoso.com', name: 'E-77001' },
      });
      expect(validateStatement(row.payload)).toEqual([]);
    }
  });

  it('writes nothing for a tenant with no LRS target', async () => {
    const tenantId = await seedTenant(plain);
    const { events, rows } = await playSession(tenantId, { lmsIdentifier: 'E-1' });
    expect(events.length).toBeGreaterThan(5);
    expect(rows).toEqual([]);
  });

  it('leaves neither the event nor its rows when the transaction fails, and writes both for an append outside one', async () => {
    const tenantId = await seedTenant(plain);
    targetTenants.add(tenantId);
    const author = await plain.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const { workflow } = await publishWorkflow({
      store: plain,
      clock: fixedClock(),
      ids: randomIds,
      tenantId,
      authorId: author.id,
      definition: workflowDefinition(),
    });
    const event = (): DomainEvent => ({
      id: randomUUID(),
      tenantId,
      type: 'workflow.shared',
      personId: author.id,
      sessionId: null,
      workflowId: workflow.id,
      occurredAt: new Date('2026-11-03T10:00:00Z'),
      data: { recipients: 4 },
    });

    await expect(
      store.transaction(async (tx) => {
        await tx.events.append(event());
        expect(await tx.xapiOutbox.list(tenantId)).toHaveLength(2);
        throw new Error('the rest of the use case failed');
      }),
    ).rejects.toThrow('the rest of the use case failed');
    expect(await plain.events.listForTenant(tenantId, { type: 'workflow.shared' })).toEqual([]);
    expect(await plain.xapiOutbox.list(tenantId)).toEqual([]);

    const direct = event();
    await store.events.append(direct);
    const rows: OutboxEntry[] = await plain.xapiOutbox.list(tenantId);
    expect(rows.map((row) => [row.target, row.eventId, row.status]).sort()).toEqual([
      ['analytics', direct.id, 'pending'],
      ['lms', direct.id, 'pending'],
    ]);
  });

  it('keeps an event whose data cannot be mapped, writes no row for it and logs the gap', async () => {
    const tenantId = await seedTenant(plain);
    targetTenants.add(tenantId);
    const person = await plain.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const broken: DomainEvent = {
      id: randomUUID(),
      tenantId,
      type: 'level.changed',
      personId: person.id,
      sessionId: null,
      workflowId: null,
      occurredAt: new Date('2026-11-03T10:00:00Z'),
      data: { skillArea: 'analysis', fromLevel: 'one', toLevel: 2 },
    };
    await store.transaction((tx) => tx.events.append(broken));
    expect((await plain.events.listForTenant(tenantId)).map((event) => event.id)).toEqual([broken.id]);
    expect(await plain.xapiOutbox.list(tenantId)).toEqual([]);
    expect(logger.errors.join('\n')).toContain(broken.id);
  });
});
