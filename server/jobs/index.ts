export { JobWorker, type WorkerOptions } from './worker';
export type { JobContext, JobDefinition } from './job-definition';
export { housekeepingJob, nextDailyRun, scheduleRecurringJobs, HOUSEKEEPING_JOB } from './housekeeping';
export { generationJob } from './generation-job';
