import type { Job, Logger } from '../../core';

export type JobContext = { signal: AbortSignal; logger: Logger; now: Date };

export type JobDefinition = {
  kind: string;
  run(job: Job, context: JobContext): Promise<void>;
  /** For recurring jobs: when the next occurrence is due, enqueued by the worker after this one completes. */
  nextRunAt?(completedAt: Date): Date;
};
