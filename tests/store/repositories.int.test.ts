import { randomUUID } from 'node:crypto';
import { AppError, defaultTenantSettings, publishWorkflow, randomIds, type Store } from '../../core';
import {
  appliedMigrationCount,
  createStore,
  expectedMigrationCount,
  isFullyMigrated,
  migrateDatabase,
} from '../../store';
import { fixedClock, newSession, personProfile, seedTenant, workflowDefinition } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

describe.each(testDatabaseKinds())('repositories on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = createStore(database.db);
  });
  afterAll(() => database.drop());

  it('applies every migration, and a second run changes nothing', async () => {
    expect(await isFullyMigrated(database.db)).toBe(true);
    await migrateDatabase(database);
    expect(await appliedMigrationCount(database.db)).toBe(expectedMigrationCount());
  });

  it('keeps each tenant to itself', async () => {
    const tenantA = await seedTenant(store);
    const tenantB = await seedTenant(store);
    const alice = await store.people.upsertProfile(
      tenantA,
      personProfile({ tenantId: tenantA, displayName: 'Alice' }),
    );

    expect(await store.people.get(tenantA, alice.id)).toMatchObject({ displayName: 'Alice' });
    expect(await store.people.get(tenantB, alice.id)).toBeNull();
    expect(await store.people.findByAadObjectId(tenantB, alice.aadObjectId)).toBeNull();
    expect(await store.people.count(tenantB)).toBe(0);
    expect(await store.people.count(tenantA)).toBe(1);
  });

  it('updates a person found again by Entra object id and links their manager, who then has a report', async () => {
    const tenantId = await seedTenant(store);
    const manager = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Morgan Manager' }),
    );
    const profile = personProfile({
      tenantId,
      managerAadObjectId: manager.aadObjectId,
      email: 'Pat.Person@Example.com',
    });
    const first = await store.people.upsertProfile(tenantId, profile);
    const second = await store.people.upsertProfile(tenantId, {
      ...profile,
      jobTitle: 'Senior Financial Analyst',
    });

    expect(second.id).toBe(first.id);
    expect(second.jobTitle).toBe('Senior Financial Analyst');
    expect(second.managerId).toBe(manager.id);
    expect((await store.people.findByEmail(tenantId, 'pat.person@example.com'))?.id).toBe(first.id);
    expect(await store.people.hasReports(tenantId, manager.id)).toBe(true);
    expect(await store.people.hasReports(tenantId, first.id)).toBe(false);
    expect(await store.people.hasReports(await seedTenant(store), manager.id)).toBe(false);
  });

  it('is idempotent when a tenant is ensured twice', async () => {
    const id = randomUUID();
    expect(await store.tenants.ensure({ id, displayName: 'One', settings: defaultTenantSettings() })).toBe(
      true,
    );
    expect(await store.tenants.ensure({ id, displayName: 'Two', settings: defaultTenantSettings() })).toBe(
      false,
    );
    expect((await store.tenants.get(id))?.displayName).toBe('One');
  });

  it('publishes immutable, numbered versions and refuses another author', async () => {
    const tenantId = await seedTenant(store);
    const author = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, roles: ['employee', 'author'] }),
    );
    const other = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const clock = fixedClock();
    const first = await publishWorkflow({
      store,
      clock,
      ids: randomIds,
      tenantId,
      authorId: author.id,
      definition: workflowDefinition(),
    });
    const second = await publishWorkflow({
      store,
      clock,
      ids: randomIds,
      tenantId,
      authorId: author.id,
      workflowId: first.workflow.id,
      definition: workflowDefinition({ manualMinutes: 150 }),
    });

    expect(second.version.versionNumber).toBe(2);
    expect((await store.workflows.getVersion(tenantId, first.version.id))?.definition.manualMinutes).toBe(
      120,
    );
    expect((await store.workflows.latestVersion(tenantId, first.workflow.id))?.id).toBe(second.version.id);
    const catalogue = await store.workflows.listPublishedCatalogue(tenantId);
    expect(
      catalogue.map((entry) => [entry.workflow.id, entry.version.versionNumber, entry.authorName]),
    ).toEqual([[first.workflow.id, 2, author.displayName]]);
    expect(await store.workflows.listPublishedCatalogue(randomUUID())).toEqual([]);
    await expect(
      publishWorkflow({
        store,
        clock,
        ids: randomIds,
        tenantId,
        authorId: other.id,
        workflowId: first.workflow.id,
        definition: workflowDefinition(),
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const published = await store.events.listForTenant(tenantId, { type: 'workflow.published' });
    expect(published).toHaveLength(2);
  });

  it('rejects a stale workflow save as a conflict', async () => {
    const tenantId = await seedTenant(store);
    const author = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const { workflow } = await publishWorkflow({
      store,
      clock: fixedClock(),
      ids: randomIds,
      tenantId,
      authorId: author.id,
      definition: workflowDefinition(),
    });
    await expect(store.workflows.save({ ...workflow, latestVersionNumber: 2 }, 0)).rejects.toBeInstanceOf(
      AppError,
    );
  });

  it('rolls back everything written in a failed transaction', async () => {
    const tenantId = await seedTenant(store);
    await expect(
      store.transaction(async (tx) => {
        await tx.people.upsertProfile(tenantId, personProfile({ tenantId }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.people.count(tenantId)).toBe(0);
  });

  it('lets exactly one of two concurrent session updates win (compare-and-set)', async () => {
    const tenantId = await seedTenant(store);
    const person = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const { workflow, version } = await publishWorkflow({
      store,
      clock: fixedClock(),
      ids: randomIds,
      tenantId,
      authorId: person.id,
      definition: workflowDefinition(),
    });
    const session = newSession({
      tenantId,
      personId: person.id,
      workflowId: workflow.id,
      workflowVersionId: version.id,
    });
    await store.sessions.create(session);

    const results = await Promise.all([
      store.sessions.compareAndSet({ ...session, version: 2, currentStepIndex: 1 }),
      store.sessions.compareAndSet({ ...session, version: 2, currentStepIndex: 2 }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await store.sessions.get(tenantId, session.id);
    expect(stored?.version).toBe(2);
    expect(await store.sessions.compareAndSet({ ...session, version: 2 })).toBe(false);
    expect(await store.sessions.get(randomUUID(), session.id)).toBeNull();
  });

  it('finds the session a person would continue: the active one, even when a paused one was touched as late', async () => {
    const tenantId = await seedTenant(store);
    const person = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    const { workflow, version } = await publishWorkflow({
      store,
      clock: fixedClock(),
      ids: randomIds,
      tenantId,
      authorId: person.id,
      definition: workflowDefinition(),
    });
    const at = new Date('2026-11-02T10:00:00Z');
    const paused = newSession({
      tenantId,
      personId: person.id,
      workflowId: workflow.id,
      workflowVersionId: version.id,
      status: 'paused',
      updatedAt: at,
    });
    const active = newSession({
      tenantId,
      personId: person.id,
      workflowId: workflow.id,
      workflowVersionId: version.id,
      status: 'active',
      updatedAt: at,
    });
    await store.sessions.create(paused);
    await store.sessions.create(active);
    expect((await store.sessions.findCurrentForPerson(tenantId, person.id))?.id).toBe(active.id);
  });

  it('records an activity id once per tenant', async () => {
    const tenantA = await seedTenant(store);
    const tenantB = await seedTenant(store);
    const at = new Date('2026-11-02T10:00:00Z');
    expect(await store.processedActivities.markProcessed(tenantA, 'activity-1', at)).toBe(true);
    expect(await store.processedActivities.markProcessed(tenantA, 'activity-1', at)).toBe(false);
    expect(await store.processedActivities.markProcessed(tenantB, 'activity-1', at)).toBe(true);
    expect(await store.processedActivities.deleteBefore(tenantA, new Date('2026-11-03T00:00:00Z'))).toBe(1);
  });
});
