import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const tenantSettings = pgTable('tenant_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  displayName: text('display_name').notNull(),
  settings: jsonb('settings').notNull(),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    aadObjectId: text('aad_object_id').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull(),
    department: text('department'),
    jobTitle: text('job_title'),
    managerId: uuid('manager_id').references((): AnyPgColumn => people.id, { onDelete: 'set null' }),
    employeeId: text('employee_id'),
    lmsIdentifier: text('lms_identifier'),
    roles: jsonb('roles')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    conversationReference: jsonb('conversation_reference'),
    active: boolean('active').notNull().default(true),
    /** From the directory sync: the UPN (lower-case), the manager's object id, when they left. */
    userPrincipalName: text('user_principal_name'),
    managerAadObjectId: text('manager_aad_object_id'),
    leftAt: ts('left_at'),
    /** 'directory' (the configured Graph attribute) or 'import' (an admin's CSV, which the directory never overwrites). */
    lmsIdentifierSource: text('lms_identifier_source').$type<'directory' | 'import'>(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_tenant_aad_uq').on(t.tenantId, t.aadObjectId),
    index('people_tenant_email_idx').on(t.tenantId, t.email),
    index('people_tenant_manager_idx').on(t.tenantId, t.managerId),
    index('people_tenant_manager_aad_idx').on(t.tenantId, t.managerAadObjectId),
  ],
);

export const workflows = pgTable(
  'workflows',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    authorId: uuid('author_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    skillArea: text('skill_area').notNull(),
    status: text('status').notNull(),
    latestVersionNumber: integer('latest_version_number').notNull(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('workflows_tenant_status_idx').on(t.tenantId, t.status)],
);

export const workflowVersions = pgTable(
  'workflow_versions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => workflows.id),
    versionNumber: integer('version_number').notNull(),
    /** A frozen copy of a draft its author is trying (numbered 0): never listed, never the latest. */
    trial: boolean('trial').notNull().default(false),
    definition: jsonb('definition').notNull(),
    publishedAt: ts('published_at').notNull(),
    publishedBy: uuid('published_by').notNull(),
  },
  (t) => [
    uniqueIndex('workflow_versions_uq')
      .on(t.tenantId, t.workflowId, t.versionNumber)
      .where(sql`not ${t.trial}`),
  ],
);

/** An author's working copy of a workflow's next version: any JSON, checked only when validated or published. */
export const workflowDrafts = pgTable('workflow_drafts', {
  workflowId: uuid('workflow_id')
    .primaryKey()
    .references(() => workflows.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id').notNull(),
  definition: jsonb('definition').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    workflowId: uuid('workflow_id').notNull(),
    workflowVersionId: uuid('workflow_version_id')
      .notNull()
      .references(() => workflowVersions.id),
    /** The author trying their own draft: none of its events are stored, nothing counts it. */
    trial: boolean('trial').notNull().default(false),
    status: text('status').notNull(),
    phase: text('phase').notNull().default('steps'),
    currentStepIndex: integer('current_step_index').notNull(),
    steps: jsonb('steps').notNull(),
    deliverable: text('deliverable'),
    feedback: jsonb('feedback'),
    sharedForReview: boolean('shared_for_review').notNull().default(false),
    activeMs: integer('active_ms').notNull().default(0),
    lastActivityAt: ts('last_activity_at').notNull().defaultNow(),
    version: integer('version').notNull(),
    startedAt: ts('started_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    completedAt: ts('completed_at'),
    contentPurgedAt: ts('content_purged_at'),
  },
  (t) => [
    index('sessions_tenant_person_status_idx').on(t.tenantId, t.personId, t.status),
    index('sessions_tenant_workflow_idx').on(t.tenantId, t.workflowId),
  ],
);

export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').notNull(),
    scores: jsonb('scores').notNull(),
    meanScore: real('mean_score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [index('reviews_tenant_session_idx').on(t.tenantId, t.sessionId)],
);

export const processedActivities = pgTable(
  'processed_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    activityId: text('activity_id').notNull(),
    processedAt: ts('processed_at').notNull(),
  },
  (t) => [
    uniqueIndex('processed_activities_uq').on(t.tenantId, t.activityId),
    index('processed_activities_at_idx').on(t.tenantId, t.processedAt),
  ],
);

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    runAt: ts('run_at').notNull(),
    leaseUntil: ts('lease_until'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    uniqueKey: text('unique_key'),
    createdAt: createdAt(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.status, t.runAt),
    index('jobs_lease_idx').on(t.status, t.leaseUntil),
    uniqueIndex('jobs_unique_key_uq')
      .on(t.tenantId, t.uniqueKey)
      .where(sql`${t.uniqueKey} is not null and ${t.status} in ('queued', 'running')`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectPersonId: uuid('subject_person_id'),
    details: jsonb('details').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('audit_log_tenant_at_idx').on(t.tenantId, t.at)],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    personId: uuid('person_id'),
    sessionId: uuid('session_id'),
    workflowId: uuid('workflow_id'),
    occurredAt: ts('occurred_at').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [
    index('events_tenant_type_at_idx').on(t.tenantId, t.type, t.occurredAt),
    index('events_tenant_person_idx').on(t.tenantId, t.personId),
    index('events_tenant_workflow_idx').on(t.tenantId, t.workflowId),
  ],
);

export const levels = pgTable(
  'levels',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    skillArea: text('skill_area').notNull(),
    level: integer('level').notNull(),
    evidence: jsonb('evidence').notNull(),
    reachedAt: ts('reached_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId, t.skillArea] })],
);

export const levelChanges = pgTable(
  'level_changes',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    skillArea: text('skill_area').notNull(),
    fromLevel: integer('from_level').notNull(),
    toLevel: integer('to_level').notNull(),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('level_changes_tenant_at_idx').on(t.tenantId, t.at)],
);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer'),
    activityId: text('activity_id'),
    skillArea: text('skill_area'),
    issuedAt: ts('issued_at').notNull(),
    statementId: uuid('statement_id'),
    source: text('source').notNull(),
    voided: boolean('voided').notNull().default(false),
  },
  (t) => [
    index('certificates_tenant_person_idx').on(t.tenantId, t.personId),
    uniqueIndex('certificates_statement_uq').on(t.tenantId, t.statementId),
  ],
);

export const xapiOutbox = pgTable(
  'xapi_outbox',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    statementId: uuid('statement_id').notNull(),
    target: text('target').notNull(),
    eventId: uuid('event_id'),
    personId: uuid('person_id'),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    leaseUntil: ts('lease_until'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('xapi_outbox_statement_target_uq').on(t.tenantId, t.target, t.statementId),
    index('xapi_outbox_due_idx').on(t.status, t.nextAttemptAt),
    // Only rows still to send: sent and dead rows, the bulk of the table, stay out of the dispatcher's path.
    index('xapi_outbox_pending_idx')
      .on(t.target, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('xapi_outbox_sent_idx').on(t.tenantId, t.target, t.sentAt),
    // A person's rows: held ones released on a directory change, all of them exported or erased.
    index('xapi_outbox_person_idx').on(t.tenantId, t.personId),
  ],
);

/** Per tenant and LRS target: paused (by an admin, or by the LRS refusing our credentials) and the last outcomes. */
export const xapiTargetState = pgTable(
  'xapi_target_state',
  {
    tenantId: uuid('tenant_id').notNull(),
    target: text('target').notNull(),
    pausedAt: ts('paused_at'),
    pauseReason: text('pause_reason'),
    lastSuccessAt: ts('last_success_at'),
    lastErrorAt: ts('last_error_at'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.target] })],
);

/** The weekly sums a person-week holds, and a tenant's stripe of them (tenant_week_rollups). */
const weekSumColumns = () => ({
  sessionsStarted: integer('sessions_started').notNull().default(0),
  workflowsPublished: integer('workflows_published').notNull().default(0),
  sessionsCompleted: integer('sessions_completed').notNull().default(0),
  sessionsMeetingBar: integer('sessions_meeting_bar').notNull().default(0),
  qualityScoreSum: doublePrecision('quality_score_sum').notNull().default(0),
  /** Completed sessions with a score (a review or a self-rating). */
  qualityScoreCount: integer('quality_score_count').notNull().default(0),
  reviewedSessions: integer('reviewed_sessions').notNull().default(0),
  reviewedMeetingBar: integer('reviewed_meeting_bar').notNull().default(0),
  reviewerScoreSum: doublePrecision('reviewer_score_sum').notNull().default(0),
  manualMinutes: integer('manual_minutes').notNull().default(0),
  actualMinutes: integer('actual_minutes').notNull().default(0),
  savedDeeperAnalysis: integer('saved_deeper_analysis').notNull().default(0),
  savedCustomers: integer('saved_customers').notNull().default(0),
  savedColleagues: integer('saved_colleagues').notNull().default(0),
  savedLearning: integer('saved_learning').notNull().default(0),
  savedOther: integer('saved_other').notNull().default(0),
  savedUnstated: integer('saved_unstated').notNull().default(0),
  reuseSessions: integer('reuse_sessions').notNull().default(0),
  reusedByColleagues: integer('reused_by_colleagues').notNull().default(0),
});

/** One person's metric figures for one week (core/metrics rollup.ts), kept with the events that change them. */
export const personWeekRollups = pgTable(
  'person_week_rollups',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    ...weekSumColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.weekStart] }),
    index('person_week_rollups_tenant_week_idx').on(t.tenantId, t.weekStart),
  ],
);

/**
 * The organisation's weekly sums, changed with person_week_rollups in the same transaction
 * (repositories/tenant-week-sums.ts) so that organisation metrics read a few rows per week instead of every
 * person-week. Spread over 16 stripes by person so that concurrent sessions rarely wait on one row.
 */
export const tenantWeekRollups = pgTable(
  'tenant_week_rollups',
  {
    tenantId: uuid('tenant_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    stripe: smallint('stripe').notNull(),
    ...weekSumColumns(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.weekStart, t.stripe] })],
);

/** How often a person completed a workflow in a week (adopters, popularity, author insights). */
export const personWorkflowWeekRollups = pgTable(
  'person_workflow_week_rollups',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    workflowId: uuid('workflow_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    completions: integer('completions').notNull().default(0),
    reuses: integer('reuses').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.workflowId, t.personId, t.weekStart] }),
    index('person_workflow_week_rollups_person_idx').on(t.tenantId, t.personId, t.weekStart),
  ],
);

/** Per tenant: the directory (Microsoft Graph users delta) sync's delta link, progress and last outcome. */
export const directorySyncState = pgTable('directory_sync_state', {
  tenantId: uuid('tenant_id').primaryKey(),
  deltaLink: text('delta_link'),
  lastFullSyncAt: ts('last_full_sync_at'),
  runningSince: ts('running_since'),
  pagesRead: integer('pages_read').notNull().default(0),
  changesRead: integer('changes_read').notNull().default(0),
  lastRunAt: ts('last_run_at'),
  lastRunKind: text('last_run_kind'),
  lastSuccessAt: ts('last_success_at'),
  lastCounts: jsonb('last_counts'),
  lastErrorAt: ts('last_error_at'),
  lastError: text('last_error'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * LRS targets an L&D admin configured through the admin API (targets from the environment are not stored).
 * `auth` holds the non-secret parts (kind, username or token URL, client id, scope); the password or client
 * secret is only in `sealed_secret`, AES-256-GCM under PRACTICA_SECRET_KEY, bound to its tenant and name.
 */
export const lrsTargets = pgTable(
  'lrs_targets',
  {
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    endpoint: text('endpoint').notNull(),
    auth: jsonb('auth').notNull(),
    sealedSecret: text('sealed_secret').notNull(),
    actor: jsonb('actor').notNull(),
    sendFailed: boolean('send_failed').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

/**
 * One row per nudge instance sent (or being sent): the unique key makes each nudge go out once however many
 * instances plan and run it, and the rows per person over the last week enforce the weekly limit.
 */
export const nudgeDeliveries = pgTable(
  'nudge_deliveries',
  {
    tenantId: uuid('tenant_id').notNull(),
    nudgeKey: text('nudge_key').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.nudgeKey] }),
    index('nudge_deliveries_person_idx').on(t.tenantId, t.personId, t.sentAt),
  ],
);

/**
 * A person's nudge choices (kinds turned off or, for opt-in kinds, on; everything off), and whether Teams
 * refused their conversation (403/404: the app was uninstalled) — nothing is sent until they come back.
 */
export const nudgePreferences = pgTable(
  'nudge_preferences',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    allOff: boolean('all_off').notNull().default(false),
    kindsOff: jsonb('kinds_off').notNull().default([]),
    kindsOn: jsonb('kinds_on').notNull().default([]),
    unreachableSince: ts('unreachable_since'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId] })],
);

/**
 * An author's "capture my workflow" interview: the answers so far and the draft it fills, written by
 * compare-and-set on `version` like a session, so any instance can take the next answer.
 */
export const captureInterviews = pgTable(
  'capture_interviews',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    workflowId: uuid('workflow_id').references(() => workflows.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    answers: jsonb('answers').notNull(),
    draftedWith: text('drafted_with'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('capture_interviews_author_idx').on(t.tenantId, t.authorId, t.status)],
);

/**
 * The next moment a tenant's bot may post a nudge: each send takes the slot and moves it on by the spacing,
 * in one statement, so every instance keeps to one per-tenant rate (Teams limits each app per tenant).
 */
export const nudgeSendSlots = pgTable('nudge_send_slots', {
  tenantId: uuid('tenant_id').primaryKey(),
  nextFreeAt: ts('next_free_at').notNull(),
});

/**
 * Open Badges credentials of practice (core/credentials). An erased holder's row stays as the revocation
 * record only: person, name and signed credential are cleared, `revoked_at` set.
 */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    skillArea: text('skill_area').notNull(),
    holderName: text('holder_name'),
    jwt: text('jwt'),
    validFrom: ts('valid_from').notNull(),
    validUntil: ts('valid_until').notNull(),
    revokedAt: ts('revoked_at'),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    index('credentials_person_idx').on(t.tenantId, t.personId, t.skillArea),
    index('credentials_revoked_idx').on(t.tenantId, t.revokedAt),
  ],
);

/** Each tenant's credential signing key, generated on first use; the private key sealed with PRACTICA_SECRET_KEY. */
export const credentialSigningKeys = pgTable('credential_signing_keys', {
  tenantId: uuid('tenant_id').primaryKey(),
  keyId: text('key_id').notNull(),
  algorithm: text('algorithm').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  sealedPrivateJwk: text('sealed_private_jwk').notNull(),
  createdAt: ts('created_at').notNull(),
});
