/**
 * Every table of the schema and what an erasure does to it, so that a new table cannot be added without
 * someone deciding (person-data-coverage.test.ts fails until it is listed here). The erasure and the export
 * in person-data-repository.ts follow this list.
 */
export const PERSON_DATA_COVERAGE = {
  people: "deleted; reports' manager (id and Entra object id) cleared until the directory names one",
  sessions: 'deleted, with the reviews of their deliverables',
  reviews:
    'reviews of their deliverables deleted; reviews they wrote kept, reviewer "former colleague", comment removed',
  events:
    'theirs deleted; other people\'s events naming them (reviewer, attester, author) name "former colleague"',
  levels: "theirs deleted; other people's evidence naming them rewritten",
  level_changes: "theirs deleted; other people's evidence naming them rewritten",
  certificates: 'deleted',
  credentials:
    'revoked: the revocation record stays (id, tenant, skill area, dates), holder, name and signed credential cleared',
  credential_signing_keys: "no personal data (the tenant's signing key, sealed)",
  xapi_outbox: 'deleted (pending and held rows dropped); a voided statement queued per statement sent',
  jobs: 'jobs whose payload names them, their sessions or reviews of them deleted',
  workflows: 'kept for colleagues who use them; author "former colleague"',
  workflow_versions: 'kept; publisher "former colleague"',
  audit_log: 'kept: the audit trail, including who erased them and their statement ids',
  person_week_rollups: 'deleted',
  person_workflow_week_rollups: 'deleted',
  workflow_drafts: 'kept (the workflow is); last editor "former colleague"',
  directory_sync_state: 'no personal data (delta link, counts, last error)',
  lrs_targets: 'no personal data',
  tenant_settings: 'no personal data',
  processed_activities: 'no personal data (Teams activity ids only)',
  xapi_target_state: 'no personal data',
  capture_interviews:
    'deleted with the person (their answers); the drafts they made are kept as workflow_drafts are',
  nudge_deliveries: 'deleted with the person (foreign key cascade); not in the export yet',
  nudge_preferences: 'deleted with the person (foreign key cascade); not in the export yet',
} as const;
