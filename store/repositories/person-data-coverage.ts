import type { PersonDataSnapshot } from '../../core';

/** Where a table's rows about a person appear in their export, or why they do not. */
type ExportedAs = { in: readonly (keyof PersonDataSnapshot)[] } | { not: string };

const NO_PERSONAL_DATA = { not: 'no personal data' } as const;

/**
 * Every table of the schema, what an erasure does to it and where the export shows it, so that a new table
 * cannot be added without someone deciding (person-data-coverage.test.ts fails until it is listed here, and
 * the data-rights API test fails when a table naming the person is not in the export it claims). The erasure
 * and the export in person-data-repository.ts follow this list.
 */
export const PERSON_DATA_COVERAGE: Record<string, { erasure: string; export: ExportedAs }> = {
  people: {
    erasure: "deleted; reports' manager (id and Entra object id) cleared until the directory names one",
    export: { in: ['person'] },
  },
  sessions: { erasure: 'deleted, with the reviews of their deliverables', export: { in: ['sessions'] } },
  reviews: {
    erasure:
      'reviews of their deliverables deleted; reviews they wrote kept, reviewer "former colleague", comment removed',
    export: { in: ['reviewsReceived', 'reviewsGiven'] },
  },
  events: {
    erasure:
      'theirs deleted; other people\'s events naming them (reviewer, attester, author) name "former colleague"',
    export: { in: ['events', 'attestationsGiven'] },
  },
  levels: {
    erasure: "theirs deleted; other people's evidence naming them rewritten",
    export: { in: ['levels'] },
  },
  level_changes: {
    erasure: "theirs deleted; other people's evidence naming them rewritten",
    export: { in: ['levelChanges'] },
  },
  certificates: { erasure: 'deleted', export: { in: ['certificates'] } },
  credentials: {
    erasure:
      'revoked: the revocation record stays (id, tenant, skill area, dates), holder, name and signed credential cleared',
    export: { in: ['credentials'] },
  },
  credential_signing_keys: {
    erasure: "no personal data (the tenant's signing key, sealed)",
    export: NO_PERSONAL_DATA,
  },
  xapi_outbox: {
    erasure: 'deleted (pending and held rows dropped); a voided statement queued per statement sent',
    export: { in: ['statements'] },
  },
  jobs: {
    erasure: 'jobs whose payload names them, their sessions or reviews of them deleted',
    export: {
      not: 'work queued about them (a reply to deliver, a reminder), gone once done; what it acts on is exported',
    },
  },
  workflows: {
    erasure: 'kept for colleagues who use them; author "former colleague"',
    export: { in: ['authoredWorkflows'] },
  },
  workflow_versions: {
    erasure: 'kept; publisher "former colleague"',
    export: { not: "the organisation's published content; the workflows they author are listed" },
  },
  audit_log: {
    erasure: 'kept: the audit trail, including who erased them and their statement ids',
    export: { in: ['auditEntries'] },
  },
  person_week_rollups: {
    erasure: 'deleted',
    export: { not: 'figures derived from their events, which are exported' },
  },
  person_workflow_week_rollups: {
    erasure: 'deleted',
    export: { not: 'figures derived from their events, which are exported' },
  },
  tenant_week_rollups: {
    erasure: 'their share is taken out by the trigger when their person-weeks are deleted',
    export: { not: "the organisation's weekly sums, sixteen stripes wide; no row is one person's" },
  },
  workflow_drafts: {
    erasure: 'kept (the workflow is); last editor "former colleague"',
    export: {
      not: "the organisation's workflow content, being edited; the workflows they author are listed",
    },
  },
  directory_sync_state: {
    erasure: 'no personal data (delta link, counts, last error)',
    export: NO_PERSONAL_DATA,
  },
  lrs_targets: { erasure: 'no personal data', export: NO_PERSONAL_DATA },
  tenant_settings: { erasure: 'no personal data', export: NO_PERSONAL_DATA },
  processed_activities: { erasure: 'no personal data (Teams activity ids only)', export: NO_PERSONAL_DATA },
  xapi_target_state: { erasure: 'no personal data', export: NO_PERSONAL_DATA },
  capture_interviews: {
    erasure: 'deleted with the person (their answers); the drafts they made are kept as workflow_drafts are',
    export: { in: ['captureInterviews'] },
  },
  nudge_deliveries: {
    erasure: 'deleted with the person (foreign key cascade)',
    export: { in: ['nudgesSent'] },
  },
  nudge_send_slots: {
    erasure: "no personal data (the tenant's next free moment to send a nudge)",
    export: NO_PERSONAL_DATA,
  },
  nudge_preferences: {
    erasure: 'deleted with the person (foreign key cascade)',
    export: { in: ['nudgePreferences'] },
  },
};
