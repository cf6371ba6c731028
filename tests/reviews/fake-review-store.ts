import {
  defaultTenantSettings,
  type AuditEntry,
  type DomainEvent,
  type NewJob,
  type Person,
  type Review,
  type ReviewCandidate,
  type Session,
  type Store,
  type Tenant,
  type Workflow,
  type WorkflowVersion,
} from '../../core';

type Tables = {
  people: Person[];
  sessions: Session[];
  workflows: Workflow[];
  versions: WorkflowVersion[];
  reviews: Review[];
  events: DomainEvent[];
  audit: AuditEntry[];
  jobs: NewJob[];
};

/**
 * An in-memory Store with just the repositories the review use cases touch. A transaction that throws
 * leaves the tables as they were, like the database. `candidates` stands in for the repository's query.
 */
export class FakeReviewStore {
  readonly tenant: Tenant;
  tables: Tables = {
    people: [],
    sessions: [],
    workflows: [],
    versions: [],
    reviews: [],
    events: [],
    audit: [],
    jobs: [],
  };
  candidates: ReviewCandidate[] = [];
  /** Makes the next compare-and-set lose, as if someone else wrote the session first. */
  loseNextCompareAndSet = 0;

  constructor(tenantId: string) {
    this.tenant = { id: tenantId, displayName: 'Fake', settings: defaultTenantSettings() };
  }

  get store(): Store {
    const t = () => this.tables;
    const store = {
      tenants: { get: async (id: string) => (id === this.tenant.id ? this.tenant : null) },
      people: {
        get: async (tenantId: string, id: string) =>
          t().people.find((p) => p.tenantId === tenantId && p.id === id) ?? null,
      },
      workflows: {
        get: async (tenantId: string, id: string) =>
          t().workflows.find((w) => w.tenantId === tenantId && w.id === id) ?? null,
        getVersion: async (tenantId: string, id: string) =>
          t().versions.find((v) => v.tenantId === tenantId && v.id === id) ?? null,
      },
      sessions: {
        get: async (tenantId: string, id: string) =>
          t().sessions.find((s) => s.tenantId === tenantId && s.id === id) ?? null,
        compareAndSet: async (session: Session) => {
          if (this.loseNextCompareAndSet > 0) {
            this.loseNextCompareAndSet--;
            return false;
          }
          const index = t().sessions.findIndex((s) => s.id === session.id);
          if (index < 0 || t().sessions[index]!.version !== session.version - 1) return false;
          t().sessions[index] = session;
          return true;
        },
      },
      reviews: {
        addIfFirst: async (review: Review) => {
          if (t().reviews.some((r) => r.sessionId === review.sessionId && r.reviewerId === review.reviewerId))
            return false;
          t().reviews.push(review);
          return true;
        },
        get: async (tenantId: string, id: string) =>
          t().reviews.find((r) => r.tenantId === tenantId && r.id === id) ?? null,
        listCandidates: async () => this.candidates,
      },
      events: { append: async (event: DomainEvent) => void t().events.push(event) },
      audit: { append: async (entry: AuditEntry) => void t().audit.push(entry) },
      jobs: {
        enqueue: async (job: NewJob) => {
          t().jobs.push(job);
          return String(t().jobs.length);
        },
      },
      transaction: async <T>(work: (tx: Store) => Promise<T>): Promise<T> => {
        const before = structuredClone(this.tables);
        try {
          return await work(store);
        } catch (error) {
          this.tables = before;
          throw error;
        }
      },
    } as unknown as Store;
    return store;
  }
}
