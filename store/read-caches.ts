import type { Person, Store, Tenant, Workflow, WorkflowUsage, WorkflowVersion } from '../core';

export type ReadCacheOptions = {
  /** How long a tenant's settings are reused before being read again (another instance may change them). */
  tenantTtlMs: number;
  /** How long the published catalogue and its social proof are reused; a publish on this instance clears it. */
  catalogueTtlMs: number;
  /**
   * How long a person found by their Entra object id, and a workflow found by id, are reused; a write through
   * this instance clears them.
   */
  recordTtlMs: number;
  /** Workflow versions are immutable once written, so they are kept until this many are held. */
  maxVersions: number;
  now?: () => number;
};

export const DEFAULT_READ_CACHES: ReadCacheOptions = {
  tenantTtlMs: 30_000,
  catalogueTtlMs: 60_000,
  recordTtlMs: 10_000,
  maxVersions: 2_000,
};

type Timed<T> = { value: T; at: number };
type Catalogue = Awaited<ReturnType<Store['workflows']['listPublishedCatalogue']>>;

class TtlMap<T> {
  private readonly entries = new Map<string, Timed<T>>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at < this.ttlMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }
  set(key: string, value: T): void {
    this.entries.set(key, { value, at: this.now() });
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  deleteWhere(matches: (value: T) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }
}

/**
 * Keeps what a Teams turn reads every time but rarely changes: tenants, the person talking, the session's
 * workflow (short TTLs), immutable workflow versions, and the published catalogue with its usage figures.
 * Everything else, and every write, goes straight to the store. Transactions read through the same caches
 * (a compare-and-set, not a fresh read, is what guards every write).
 */
export function withReadCaches(store: Store, options: ReadCacheOptions = DEFAULT_READ_CACHES): Store {
  const now = options.now ?? Date.now;
  const tenants = new TtlMap<Tenant>(options.tenantTtlMs, now);
  const catalogues = new TtlMap<Catalogue>(options.catalogueTtlMs, now);
  const usage = new TtlMap<WorkflowUsage[]>(options.catalogueTtlMs, now);
  const versions = new Map<string, WorkflowVersion>();
  const people = new TtlMap<Person>(options.recordTtlMs, now);
  const workflows = new TtlMap<Workflow>(options.recordTtlMs, now);

  // Published (non-trial) versions by workflow and number, so the latest one a workflow record names is found
  // without a query; trimmed with `versions`.
  const publishedByNumber = new Map<string, WorkflowVersion>();
  const numberKey = (tenantId: string, workflowId: string, versionNumber: number) =>
    `${tenantId}/${workflowId}/${versionNumber}`;

  const rememberVersion = (version: WorkflowVersion) => {
    if (versions.size >= options.maxVersions) {
      const oldest = versions.values().next().value;
      if (oldest !== undefined) {
        versions.delete(`${oldest.tenantId}/${oldest.id}`);
        publishedByNumber.delete(numberKey(oldest.tenantId, oldest.workflowId, oldest.versionNumber));
      }
    }
    versions.set(`${version.tenantId}/${version.id}`, version);
    if (!version.trial)
      publishedByNumber.set(numberKey(version.tenantId, version.workflowId, version.versionNumber), version);
  };

  function wrap(inner: Store, savedTenants: Set<string> | null, changedTenants: Set<string> | null): Store {
    return {
      ...inner,
      tenants: {
        ...inner.tenants,
        async get(tenantId) {
          const cached = tenants.get(tenantId);
          if (cached) return cached;
          const tenant = await inner.tenants.get(tenantId);
          if (tenant) tenants.set(tenantId, tenant);
          return tenant;
        },
        async updateSettings(tenantId, settings) {
          await inner.tenants.updateSettings(tenantId, settings);
          tenants.delete(tenantId);
          changedTenants?.add(tenantId);
        },
      },
      people: {
        ...inner.people,
        async findByAadObjectId(tenantId, aadObjectId) {
          const key = `${tenantId}/${aadObjectId}`;
          const cached = people.get(key);
          if (cached) return cached;
          const person = await inner.people.findByAadObjectId(tenantId, aadObjectId);
          if (person) people.set(key, person);
          return person;
        },
        async upsertProfile(tenantId, profile) {
          people.delete(`${tenantId}/${profile.aadObjectId}`);
          return inner.people.upsertProfile(tenantId, profile);
        },
        async saveConversationReference(tenantId, personId, reference) {
          people.deleteWhere((person) => person.id === personId);
          await inner.people.saveConversationReference(tenantId, personId, reference);
        },
      },
      workflows: {
        ...inner.workflows,
        async get(tenantId, workflowId) {
          const key = `${tenantId}/${workflowId}`;
          const cached = workflows.get(key);
          if (cached) return cached;
          const workflow = await inner.workflows.get(tenantId, workflowId);
          if (workflow) workflows.set(key, workflow);
          return workflow;
        },
        async getVersion(tenantId, versionId) {
          const cached = versions.get(`${tenantId}/${versionId}`);
          if (cached) return cached;
          const version = await inner.workflows.getVersion(tenantId, versionId);
          if (version) rememberVersion(version);
          return version;
        },
        async latestVersion(tenantId, workflowId) {
          // The latest version is the one the (cached) workflow record names, so the two are never out of step:
          // once the record is read again after a publish elsewhere, the new version is read too.
          const workflow = workflows.get(`${tenantId}/${workflowId}`);
          const named = workflow
            ? publishedByNumber.get(numberKey(tenantId, workflowId, workflow.latestVersionNumber))
            : undefined;
          if (named) return named;
          const version = await inner.workflows.latestVersion(tenantId, workflowId);
          if (version) rememberVersion(version);
          return version;
        },
        async listPublishedCatalogue(tenantId) {
          const cached = catalogues.get(tenantId);
          if (cached) return cached;
          const catalogue = await inner.workflows.listPublishedCatalogue(tenantId);
          catalogues.set(tenantId, catalogue);
          return catalogue;
        },
        async save(workflow, expectedLatestVersion) {
          await inner.workflows.save(workflow, expectedLatestVersion);
          workflows.delete(`${workflow.tenantId}/${workflow.id}`);
          catalogues.delete(workflow.tenantId);
          savedTenants?.add(workflow.tenantId);
        },
      },
      sessions: {
        ...inner.sessions,
        async usageByWorkflow(tenantId) {
          const cached = usage.get(tenantId);
          if (cached) return cached;
          const figures = await inner.sessions.usageByWorkflow(tenantId);
          usage.set(tenantId, figures);
          return figures;
        },
      },
      async transaction(work) {
        // A catalogue or tenant read while the transaction was open may have been cached again: drop after commit.
        const saved = new Set<string>();
        const changed = new Set<string>();
        const result = await inner.transaction((tx) => work(wrap(tx, saved, changed)));
        for (const tenantId of saved) catalogues.delete(tenantId);
        for (const tenantId of changed) tenants.delete(tenantId);
        return result;
      },
    };
  }

  return wrap(store, null, null);
}
