export { PermanentJobError, retryDelayMs, type Job, type JobStatus, type JobStore, type NewJob } from './job';
