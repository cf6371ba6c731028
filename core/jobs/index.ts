export {
  PermanentJobError,
  RetryLaterError,
  retryDelayMs,
  type Job,
  type JobStatus,
  type JobStore,
  type NewJob,
} from './job';
