import type { CaptureInterviewRepository } from '../capture/capture-repository';
import type { CertificateRepository } from '../certificates';
import type { CredentialRepository } from '../credentials/practice-credential';
import type { PersonDataRepository } from '../data-rights/person-data';
import type { LrsTargetRepository } from '../lrs-targets/stored-lrs-target';
import type { DirectorySyncStateRepository } from '../directory/directory-sync-state';
import type { DomainEvent } from '../events';
import type { JobStore } from '../jobs';
import type { ConversationReference, Person, PersonProfile } from '../people';
import type { Session } from '../sessions';
import type { LevelRepository } from '../proficiency/stored-level';
import type { MetricsRepository } from '../metrics/metrics-repository';
import type { ReviewRepository } from '../reviews/review';
import type { Tenant, TenantSettings } from '../tenants';
import type { Workflow, WorkflowDraft, WorkflowVersion } from '../workflows';
import type { XapiOutboxRepository } from '../xapi-outbox';

export interface TenantRepository {
  get(tenantId: string): Promise<Tenant | null>;
  /** Creates the tenant, or leaves an existing one untouched; returns whether it was created. */
  ensure(tenant: { id: string; displayName: string; settings: TenantSettings }): Promise<boolean>;
  list(): Promise<Tenant[]>;
  /** Replaces the tenant's settings document. */
  updateSettings(tenantId: string, settings: TenantSettings): Promise<void>;
  /** Reads the tenant afresh (never from a cache) and, inside a transaction, locks its row until commit. */
  getForUpdate(tenantId: string): Promise<Tenant | null>;
}

export interface PeopleRepository {
  get(tenantId: string, personId: string): Promise<Person | null>;
  /** The people of the tenant among these ids (unknown ids are left out), in no particular order. */
  getMany(tenantId: string, personIds: readonly string[]): Promise<Person[]>;
  findByAadObjectId(tenantId: string, aadObjectId: string): Promise<Person | null>;
  findByEmail(tenantId: string, email: string): Promise<Person | null>;
  /** Inserts or updates by (tenant, Entra object id); resolves the manager by their object id. */
  upsertProfile(tenantId: string, profile: PersonProfile): Promise<Person>;
  list(tenantId: string): Promise<Person[]>;
  count(tenantId: string): Promise<number>;
  /** Whether the directory says anyone who has not left reports to this person: what makes them a manager. */
  hasReports(tenantId: string, personId: string): Promise<boolean>;
  saveConversationReference(
    tenantId: string,
    personId: string,
    reference: ConversationReference,
  ): Promise<void>;
  /** Marks these people (by Entra object id) as left at `at`, keeping their data; returns how many were active. */
  markLeft(tenantId: string, aadObjectIds: readonly string[], at: Date): Promise<number>;
  /** Points everyone at the person their directory manager id names, once that manager is known here. */
  resolveManagers(tenantId: string): Promise<void>;
}

export interface WorkflowRepository {
  get(tenantId: string, workflowId: string): Promise<Workflow | null>;
  /**
   * Inserts a new workflow (expectedLatestVersion null) or updates one whose latest version number
   * is still expectedLatestVersion; throws AppError('conflict') otherwise.
   */
  save(workflow: Workflow, expectedLatestVersion: number | null): Promise<void>;
  addVersion(version: WorkflowVersion): Promise<void>;
  getVersion(tenantId: string, versionId: string): Promise<WorkflowVersion | null>;
  /** The latest published version; a trial version is never the latest. */
  latestVersion(tenantId: string, workflowId: string): Promise<WorkflowVersion | null>;
  listPublished(tenantId: string): Promise<Workflow[]>;
  /** Every workflow of the tenant, drafts and retired ones included. */
  listAll(tenantId: string): Promise<Workflow[]>;
  /** Published workflows with their latest version and their author's name, in one read. */
  listPublishedCatalogue(
    tenantId: string,
  ): Promise<{ workflow: Workflow; version: WorkflowVersion; authorName: string | null }[]>;
  findByTitle(tenantId: string, title: string): Promise<Workflow | null>;
  /** Every published version of a workflow, oldest first (trial versions left out). */
  listVersions(tenantId: string, workflowId: string): Promise<WorkflowVersion[]>;
  /** The author's working copy of the next version, if any. */
  getDraft(tenantId: string, workflowId: string): Promise<WorkflowDraft | null>;
  /** Inserts or replaces the workflow's draft. */
  saveDraft(draft: WorkflowDraft): Promise<void>;
  deleteDraft(tenantId: string, workflowId: string): Promise<void>;
}

export interface SessionRepository {
  get(tenantId: string, sessionId: string): Promise<Session | null>;
  create(session: Session): Promise<void>;
  /** Writes the session if its stored version is still `session.version - 1`; false when someone else won. */
  compareAndSet(session: Session): Promise<boolean>;
  findActiveForPerson(tenantId: string, personId: string): Promise<Session[]>;
  /** The session a person would continue: their active one, else the most recently touched paused one or one awaiting feedback. */
  findCurrentForPerson(tenantId: string, personId: string): Promise<Session | null>;
  /** Social proof per workflow; trials (an author trying a draft) never count. */
  usageByWorkflow(tenantId: string): Promise<WorkflowUsage[]>;
  /** Per published version of one workflow: how its sessions went, in counts only (never who); no trials. */
  usageByVersion(tenantId: string, workflowId: string): Promise<VersionUsage[]>;
  /** Active or paused sessions nobody has touched since `before`. */
  listIdle(tenantId: string, before: Date, limit: number): Promise<Session[]>;
  /** Finished sessions last changed before `before` whose inputs and outputs are still stored. */
  listWithContentBefore(tenantId: string, before: Date, limit: number): Promise<Session[]>;
  /**
   * A person's sessions, most recently started first, `limit` at a time after the `after` position;
   * `sharedOnly` keeps those whose deliverable the person shared for review. Trials are not listed.
   */
  listForPerson(
    tenantId: string,
    personId: string,
    options: { limit: number; after?: PagePosition; sharedOnly?: boolean },
  ): Promise<Session[]>;
}

/** Where a page ended in a list ordered newest first: the last row's time and id. */
export type PagePosition = { at: Date; id: string };

/** How one workflow version's sessions went; versions nobody has started are left out. */
export type VersionUsage = {
  workflowVersionId: string;
  started: number;
  completed: number;
  abandoned: number;
  medianMinutesSaved: number | null;
  meanRating: number | null;
};

/** Social proof for a workflow, from completed sessions. */
export type WorkflowUsage = {
  workflowId: string;
  completions: number;
  /** Distinct people other than the author who completed it. */
  colleagues: number;
  medianMinutesSaved: number | null;
  meanRating: number | null;
};

export interface EventRepository {
  append(event: DomainEvent): Promise<void>;
  listForTenant(
    tenantId: string,
    options?: { type?: DomainEvent['type']; limit?: number },
  ): Promise<DomainEvent[]>;
  /**
   * Events of the given types about any of `personIds` or any of `workflowIds`, oldest first (what a level
   * rests on: a person's own record and colleagues' runs of the workflows they authored).
   */
  listEvidence(
    tenantId: string,
    about: { personIds: string[]; workflowIds: string[] },
    types: readonly DomainEvent['type'][],
  ): Promise<DomainEvent[]>;
}

export interface ProcessedActivityRepository {
  /** Records an activity id; false when it was already recorded (a redelivery). */
  markProcessed(tenantId: string, activityId: string, at: Date): Promise<boolean>;
  deleteBefore(tenantId: string, before: Date): Promise<number>;
}

export type AuditEntry = {
  id: string;
  tenantId: string;
  actorId: string | null;
  action: string;
  subjectPersonId: string | null;
  details: Record<string, unknown>;
  at: Date;
};

/** Who read whose data, and every admin change. */
export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  listForTenant(
    tenantId: string,
    options?: { subjectPersonId?: string; limit?: number; after?: PagePosition },
  ): Promise<AuditEntry[]>;
}

export interface Store {
  tenants: TenantRepository;
  people: PeopleRepository;
  workflows: WorkflowRepository;
  sessions: SessionRepository;
  /** Authors' "capture my workflow" interviews (core/capture). */
  captureInterviews: CaptureInterviewRepository;
  events: EventRepository;
  jobs: JobStore;
  processedActivities: ProcessedActivityRepository;
  audit: AuditRepository;
  /** xAPI statements waiting for their LRS targets (the LMS connector's outbox). */
  xapiOutbox: XapiOutboxRepository;
  /** Course completions and credentials from the LMS (L1 evidence). */
  certificates: CertificateRepository;
  /** Open Badges credentials of practice issued to people (core/credentials). */
  credentials: CredentialRepository;
  /** Current levels per person and skill area, and their history. */
  levels: LevelRepository;
  /** Managers' and authors' rubric scores for deliverables shared for review. */
  reviews: ReviewRepository;
  /** Per-person-per-week metric rollups and the group sums dashboards read (core/metrics). */
  metrics: MetricsRepository;
  /** Per tenant: where the directory (Microsoft Graph) sync stands. */
  directorySync: DirectorySyncStateRepository;
  /** Everything about one person across tables: the data export and the erasure. */
  personData: PersonDataRepository;
  /** LRS targets L&D admins configured through the admin API (secrets sealed). */
  lrsTargets: LrsTargetRepository;
  /** Runs `work` in one database transaction; repositories on `tx` see and write inside it. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
}
