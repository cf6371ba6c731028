export { JobWorker, type WorkerOptions } from './worker';
export type { JobContext, JobDefinition, JobRunOutcome } from './job-definition';
export { housekeepingJob, nextDailyRun, scheduleRecurringJobs, HOUSEKEEPING_JOB } from './housekeeping';
export { generationJob } from './generation-job';
export { captureDraftJob } from './capture-draft-job';
export { certificateSyncJob, CERTIFICATE_SYNC_JOB } from './certificate-sync-job';
export { levelLapseJob, LEVEL_LAPSE_JOB } from './level-lapse-job';
export { reviewNoticeJob, shareNoticeJob } from './review-notice-jobs';
export { sessionFirstCardJob } from './session-first-card-job';
export {
  directorySyncJobs,
  scheduleDirectorySync,
  DIRECTORY_SYNC_JOB,
  DIRECTORY_SYNC_NOW_JOB,
} from './directory-sync-job';
export { nudgeSendJob, NUDGE_SEND_JOB } from './nudge-send-job';
export { nudgeDailyPlanJob, nudgePlanJob, NUDGE_DAILY_PLAN_JOB, NUDGE_PLAN_JOB } from './nudge-plan-jobs';
export { credentialIssueJob, type CredentialIssuing } from './credential-issue-job';
export { recomputeDerivedJob } from './recompute-derived-job';
