import type { Job, Logger } from '../../core';

export type JobContext = { signal: AbortSignal; logger: Logger; now: Date };

/** What a run may hand to the next occurrence of a recurring job (a sync's watermark). */
export type JobRunOutcome = { nextPayload?: Record<string, unknown> };

export type JobDefinition = {
  kind: string;
  run(job: Job, context: JobContext): Promise<void | JobRunOutcome>;
  /** For recurring jobs: when the next occurrence is due, enqueued by the worker after this one completes. */
  nextRunAt?(completedAt: Date): Date;
};
