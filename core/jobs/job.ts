export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export type NewJob = {
  tenantId: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /** A job with the same key as one not yet finished is not enqueued twice. */
  uniqueKey?: string;
  maxAttempts?: number;
};

export type Job = {
  id: string;
  tenantId: string;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  leaseUntil: Date | null;
  lockedBy: string | null;
  lastError: string | null;
  uniqueKey: string | null;
};

/** The durable job table, as the worker and the use cases that enqueue work see it. */
export interface JobStore {
  enqueue(job: NewJob): Promise<string | null>;
  /** Claims up to `limit` due jobs (or jobs whose lease expired) for `workerId` until `now + leaseMs`. */
  claimDue(options: {
    workerId: string;
    now: Date;
    leaseMs: number;
    limit: number;
    kinds: string[];
  }): Promise<Job[]>;
  /** Extends the lease; false when the job is no longer this worker's. */
  extendLease(options: { jobId: string; workerId: string; leaseUntil: Date }): Promise<boolean>;
  complete(options: { jobId: string; workerId: string; now: Date }): Promise<boolean>;
  fail(options: {
    jobId: string;
    workerId: string;
    error: string;
    retryAt: Date | null;
    now: Date;
  }): Promise<boolean>;
  get(tenantId: string, jobId: string): Promise<Job | null>;
  deleteFinishedBefore(tenantId: string, before: Date): Promise<number>;
}

/** Exponential backoff with full jitter: base * 2^(attempt-1), capped, times a random factor in [0.5, 1]. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const baseMs = 2_000;
  const capMs = 30 * 60_000;
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

/** Thrown by a job handler when retrying cannot help (the input is wrong, the thing it acts on is gone). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/**
 * Thrown by a job handler when the service it called said when to try again (a 429's Retry-After): the
 * worker retries it then instead of after its own backoff. It still counts as an attempt.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RetryLaterError';
  }
}
