import { defaultTenantSettings, type Person, type Store, type Tenant, type Workflow } from '../core';
import { withReadCaches, type ReadCacheOptions } from './read-caches';

const TENANT = '2fc37645-8cc2-45c3-8286-3566fd16f7dc';

function tenant(displayName: string): Tenant {
  return { id: TENANT, displayName, settings: defaultTenantSettings() };
}

function person(displayName: string): Person {
  return {
    id: 'p-1',
    tenantId: TENANT,
    aadObjectId: 'aad-1',
    displayName,
    email: 'jordan@example.com',
    department: 'Finance',
    jobTitle: 'Analyst',
    managerId: null,
    employeeId: null,
    lmsIdentifier: null,
    roles: ['employee'],
    conversationReference: null,
    active: true,
  };
}

/** A store whose records the test changes "from another instance", counting the reads that reach it. */
function backingStore() {
  const state = {
    tenant: tenant('Northwind'),
    person: person('Jordan Ellis'),
    catalogue: [] as Awaited<ReturnType<Store['workflows']['listPublishedCatalogue']>>,
    /** The workflow 'w' and its latest published version number, as another instance may change them. */
    latestVersionNumber: 1,
    reads: 0,
  };
  const version = (versionNumber: number) => ({
    id: `w-v${versionNumber}`,
    tenantId: TENANT,
    workflowId: 'w',
    versionNumber,
    trial: false,
    definition: {},
    publishedAt: new Date(0),
  });
  const store = {
    tenants: {
      get: async () => (state.reads++, state.tenant),
    },
    people: {
      findByAadObjectId: async () => (state.reads++, state.person),
      upsertProfile: async () => state.person,
      saveConversationReference: async () => undefined,
    },
    workflows: {
      get: async (_tenantId: string, id: string) => (
        state.reads++,
        { id, tenantId: TENANT, status: 'published', latestVersionNumber: state.latestVersionNumber }
      ),
      latestVersion: async () => (state.reads++, version(state.latestVersionNumber)),
      getVersion: async (_tenantId: string, id: string) => (
        state.reads++,
        { id, tenantId: TENANT, workflowId: 'w', versionNumber: 1, definition: {}, publishedAt: new Date(0) }
      ),
      listPublishedCatalogue: async () => (state.reads++, state.catalogue),
      save: async () => undefined,
    },
    sessions: { usageByWorkflow: async () => (state.reads++, []) },
    transaction: async (work: (tx: Store) => Promise<unknown>) => work(store as unknown as Store),
  };
  return { state, store: store as unknown as Store };
}

describe('read caches for Teams turns', () => {
  let clock = 0;
  const options: ReadCacheOptions = {
    tenantTtlMs: 30_000,
    catalogueTtlMs: 60_000,
    recordTtlMs: 10_000,
    maxVersions: 2,
    now: () => clock,
  };
  beforeEach(() => (clock = 0));

  it('sees a tenant settings change made elsewhere once the TTL has passed', async () => {
    const { state, store } = backingStore();
    const cached = withReadCaches(store, options);
    expect((await cached.tenants.get(TENANT))?.displayName).toBe('Northwind');
    state.tenant = tenant('Northwind Traders');
    clock = 29_999;
    expect((await cached.tenants.get(TENANT))?.displayName).toBe('Northwind');
    clock = 30_000;
    expect((await cached.tenants.get(TENANT))?.displayName).toBe('Northwind Traders');
  });

  it('reads a person again after this instance saved their conversation', async () => {
    const { state, store } = backingStore();
    const cached = withReadCaches(store, options);
    await cached.people.findByAadObjectId(TENANT, 'aad-1');
    state.person = person('Jordan Ellis-Moreau');
    expect((await cached.people.findByAadObjectId(TENANT, 'aad-1'))?.displayName).toBe('Jordan Ellis');
    await cached.people.saveConversationReference(TENANT, 'p-1', {
      conversationId: 'a:1',
      serviceUrl: 'https://smba.example',
      botId: '28:bot',
      channelId: 'msteams',
    });
    expect((await cached.people.findByAadObjectId(TENANT, 'aad-1'))?.displayName).toBe('Jordan Ellis-Moreau');
  });

  it('shows a workflow published on this instance in the catalogue at once, inside or outside a transaction', async () => {
    const { state, store } = backingStore();
    const cached = withReadCaches(store, options);
    expect(await cached.workflows.listPublishedCatalogue(TENANT)).toHaveLength(0);
    const published = { id: 'w-2', tenantId: TENANT } as Workflow;
    await cached.transaction(async (tx) => {
      state.catalogue = [{ workflow: published, version: {} as never, authorName: 'Sofia' }];
      await tx.workflows.save(published, 1);
    });
    expect(await cached.workflows.listPublishedCatalogue(TENANT)).toHaveLength(1);
  });

  it('keeps immutable workflow versions, up to its limit', async () => {
    const { state, store } = backingStore();
    const cached = withReadCaches(store, options);
    await cached.workflows.getVersion(TENANT, 'v1');
    await cached.workflows.getVersion(TENANT, 'v1');
    expect(state.reads).toBe(1);
    await cached.workflows.getVersion(TENANT, 'v2');
    await cached.workflows.getVersion(TENANT, 'v3');
    await cached.workflows.getVersion(TENANT, 'v1');
    expect(state.reads).toBe(4);
  });

  it('finds the latest version the workflow record names, and a newer one once the record is read again', async () => {
    const { state, store } = backingStore();
    const cached = withReadCaches(store, options);
    const start = async () => {
      const workflow = await cached.workflows.get(TENANT, 'w');
      return (await cached.workflows.latestVersion(TENANT, workflow!.id))?.versionNumber;
    };
    expect(await start()).toBe(1);
    expect(await start()).toBe(1);
    expect(state.reads).toBe(2);
    // Another instance publishes version 2: seen as soon as this instance reads the workflow record again.
    state.latestVersionNumber = 2;
    clock = 10_000;
    expect(await start()).toBe(2);
    expect(await start()).toBe(2);
    expect(state.reads).toBe(4);
  });
});
