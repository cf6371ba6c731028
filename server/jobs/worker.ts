import {
  PermanentJobError,
  RetryLaterError,
  retryDelayMs,
  type Clock,
  type Job,
  type JobStore,
  type Logger,
} from '../../core';
import { errorFields, withoutQueryParameters } from '../logger';
import type { JobDefinition } from './job-definition';

export type WorkerOptions = {
  jobs: JobStore;
  definitions: JobDefinition[];
  clock: Clock;
  logger: Logger;
  workerId: string;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  random?: () => number;
};

/**
 * Claims due jobs in a short transaction that sets a lease, runs them outside any transaction, renews the
 * lease while a job runs, and retries failures with backoff. A job whose worker died is claimed again once
 * its lease expires.
 */
export class JobWorker {
  private readonly definitions: Map<string, JobDefinition>;
  private readonly inFlight = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: WorkerOptions) {
    this.definitions = new Map(options.definitions.map((definition) => [definition.kind, definition]));
  }

  start(): void {
    if (this.running || this.options.concurrency === 0) return;
    this.running = true;
    this.loop = this.pollLoop();
  }

  /** Stops claiming, waits for running jobs up to `timeoutMs`, then aborts the rest (their leases will expire). */
  async stop(timeoutMs: number): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    const pending = [...this.inFlight.values()];
    const finished = Promise.all(pending.map((entry) => entry.promise)).then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    if (!(await Promise.race([finished, timedOut]))) {
      for (const entry of pending) entry.abort.abort(new Error('worker stopping'));
      this.options.logger.warn(
        'Stopped with jobs still running; their leases will expire and another worker retries them',
        {
          jobs: pending.length,
        },
      );
    }
  }

  /** Claims and starts one batch; resolves when that batch has finished. Returns how many jobs ran. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((job) => this.inFlight.get(job.id)?.promise));
    return claimed.length;
  }

  private async pollLoop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = (await this.claim()).length;
      } catch (error) {
        this.options.logger.error('Could not claim jobs', errorFields(error));
      }
      if (claimed === 0 || this.inFlight.size >= this.options.concurrency)
        await this.sleep(this.options.pollMs);
    }
  }

  private async claim(): Promise<Job[]> {
    const free = this.options.concurrency - this.inFlight.size;
    if (free <= 0) return [];
    const claimed = await this.options.jobs.claimDue({
      workerId: this.options.workerId,
      now: this.options.clock.now(),
      leaseMs: this.options.leaseMs,
      limit: free,
      kinds: [...this.definitions.keys()],
    });
    for (const job of claimed) {
      const abort = new AbortController();
      const promise = this.execute(job, abort).finally(() => {
        this.inFlight.delete(job.id);
        this.wake?.();
      });
      this.inFlight.set(job.id, { promise, abort });
    }
    return claimed;
  }

  private async execute(job: Job, abort: AbortController): Promise<void> {
    const { jobs, clock, workerId, leaseMs } = this.options;
    const logger = this.options.logger.child({
      jobId: job.id,
      kind: job.kind,
      tenantId: job.tenantId,
      attempt: job.attempts,
    });
    const definition = this.definitions.get(job.kind);
    if (!definition || job.attempts > job.maxAttempts) {
      const error = definition ? 'lease expired on every attempt' : `no handler for job kind ${job.kind}`;
      await jobs.fail({ jobId: job.id, workerId, error, retryAt: null, now: clock.now() });
      logger.error('Job given up', { reason: error });
      return;
    }
    const heartbeat = setInterval(
      () => {
        jobs
          .extendLease({ jobId: job.id, workerId, leaseUntil: new Date(clock.now().getTime() + leaseMs) })
          .then((stillOurs) => {
            if (!stillOurs) abort.abort(new Error('lease lost'));
          })
          .catch((error: unknown) => logger.warn('Could not extend a job lease', errorFields(error)));
      },
      Math.max(250, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      const outcome = await definition.run(job, { signal: abort.signal, logger, now: clock.now() });
      const completedAt = clock.now();
      if (await jobs.complete({ jobId: job.id, workerId, now: completedAt })) {
        logger.debug('Job done');
        if (definition.nextRunAt) {
          await jobs.enqueue({
            tenantId: job.tenantId,
            kind: job.kind,
            payload: outcome?.nextPayload ?? job.payload,
            runAt: definition.nextRunAt(completedAt),
            uniqueKey: job.uniqueKey ?? job.kind,
            maxAttempts: job.maxAttempts,
          });
        }
      } else {
        logger.warn('Job finished after its lease passed to another worker');
      }
    } catch (error) {
      const permanent = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      const now = clock.now();
      const delayMs =
        error instanceof RetryLaterError
          ? error.retryAfterMs
          : retryDelayMs(job.attempts, this.options.random);
      const retryAt = permanent ? null : new Date(now.getTime() + delayMs);
      await jobs
        .fail({
          jobId: job.id,
          workerId,
          // Kept in the jobs table: a failed query's parameters (what someone typed) are not.
          error: withoutQueryParameters(error instanceof Error ? error.message : String(error)),
          retryAt,
          now,
        })
        .catch((failError: unknown) =>
          logger.error('Could not record a job failure', errorFields(failError)),
        );
      logger.warn(permanent ? 'Job failed for good' : 'Job failed; will retry', {
        ...errorFields(error),
        retryAt,
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
