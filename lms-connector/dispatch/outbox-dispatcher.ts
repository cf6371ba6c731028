import type { Clock, Logger, OutboxEntry, XapiOutboxRepository } from '../../core';
import { LrsVersionError, type LrsClient } from '../client';
import type { LrsTarget } from '../targets';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import { deliverBatch, type DeliveryOutcome } from './deliver-batch';

/** A target and its client; with `tenantId`, a target one tenant's admin configured (it sends only their rows). */
export type DispatchTarget = { target: LrsTarget; client: LrsClient; tenantId?: string };

export type DispatcherOptions = {
  outbox: XapiOutboxRepository;
  targets: DispatchTarget[];
  clock: Clock;
  logger: Logger;
  workerId: string;
  /** Statements per POST (at most 100). */
  batchSize?: number;
  /** How long a claimed batch is ours; another instance takes it over after that (this one died). */
  leaseMs?: number;
  /** Idle wait between looks at an empty outbox. */
  pollMs?: number;
  /** Batches in flight per target: the next batch is claimed while one is being sent. */
  inFlightPerTarget?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
};

/** "Last success" is for people: written at most this often per tenant and target, not after every batch. */
const SUCCESS_WRITE_INTERVAL_MS = 1_000;

type TargetLane = DispatchTarget & {
  /** Consecutive target-wide failures (LRS down, throttling), for the target's own backoff. */
  failures: number;
  holdUntil: number;
  disabled: boolean;
  /** Removed or changed by setTargets: the lane finishes its batch and stops. */
  retired: boolean;
  /** When the lane took up its target's settings: a refusal is only held against settings as new as these. */
  since: Date;
  key: string;
  versionChecked: Promise<void> | null;
};

/**
 * Sends the outbox to the LRS targets. Rows are claimed with a lease in a short transaction and sent
 * outside any transaction; every outcome is written back fenced on this dispatcher's id. Any number of
 * instances can run at once; a row whose dispatcher died is claimed again once its lease expires, and the
 * fixed statement ids make the second send harmless.
 */
export class OutboxDispatcher {
  private lanes: TargetLane[];
  private readonly sleepers = new Set<() => void>();
  /** When each tenant's last success on each target was written (ms), to write it at most once a second. */
  private readonly successWritten = new Map<string, number>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(private readonly options: DispatcherOptions) {
    this.lanes = options.targets.map((target) => this.newLane(target));
  }

  private newLane(target: DispatchTarget): TargetLane {
    return {
      ...target,
      failures: 0,
      holdUntil: 0,
      disabled: false,
      retired: false,
      since: this.options.clock.now(),
      key: laneKey(target),
      versionChecked: null,
    };
  }

  /**
   * Replaces the targets without a restart (an admin added, changed or removed one): lanes of targets that are
   * gone or changed finish their batch and stop; new ones start. Unchanged targets keep their lanes.
   */
  setTargets(targets: DispatchTarget[]): void {
    const wanted = new Map(targets.map((target) => [laneKey(target), target]));
    for (const lane of this.lanes) if (!wanted.has(lane.key)) lane.retired = true;
    const kept = this.lanes.filter((lane) => !lane.retired);
    const added = [...wanted.entries()]
      .filter(([key]) => !kept.some((lane) => lane.key === key))
      .map(([, target]) => this.newLane(target));
    this.lanes = [...kept, ...added];
    if (this.running) this.loops.push(...added.flatMap((lane) => this.startLoops(lane)));
    this.wake();
  }

  private startLoops(lane: TargetLane): Promise<void>[] {
    const perTarget = Math.max(1, this.options.inFlightPerTarget ?? 2);
    return Array.from({ length: perTarget }, () => this.laneLoop(lane));
  }

  get batchSize(): number {
    return Math.min(100, this.options.batchSize ?? 100);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = this.lanes.flatMap((lane) => this.startLoops(lane));
  }

  /** Stops claiming and waits up to `timeoutMs` for batches in flight (unfinished ones are retried after their lease). */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.wake();
    const finished = Promise.all(this.loops).then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    if (!(await Promise.race([finished, timedOut]))) {
      this.options.logger.warn('Outbox dispatcher stopped with batches in flight; their leases will expire');
    }
  }

  /** Wakes idle lanes (e.g. right after rows were written). */
  wake(): void {
    for (const wakeUp of [...this.sleepers]) wakeUp();
  }

  /** Claims and delivers one batch per target; returns how many rows were handled. For tests and tools. */
  async runOnce(): Promise<number> {
    let handled = 0;
    for (const lane of this.lanes) handled += await this.dispatchOne(lane);
    return handled;
  }

  private async laneLoop(lane: TargetLane): Promise<void> {
    while (this.running && !lane.disabled && !lane.retired) {
      const waitMs = lane.holdUntil - this.options.clock.now().getTime();
      if (waitMs > 0) {
        await this.sleep(waitMs);
        continue;
      }
      let handled = 0;
      try {
        handled = await this.dispatchOne(lane);
      } catch (error) {
        this.options.logger.error('Outbox dispatch failed', {
          target: lane.target.name,
          error: describe(error),
        });
      }
      if (handled === 0 && this.running) await this.sleep(this.options.pollMs ?? 1000);
    }
  }

  private async dispatchOne(lane: TargetLane): Promise<number> {
    await this.checkVersionOnce(lane);
    if (lane.disabled) return 0;
    const { outbox, clock, workerId } = this.options;
    const entries = await outbox.claimDue({
      target: lane.target.name,
      tenantId: lane.tenantId,
      workerId,
      now: clock.now(),
      leaseMs: this.options.leaseMs ?? 120_000,
      // While the target is unwell, one statement finds out whether it is back: claiming and pushing back
      // whole batches all through an outage rewrote every backlog row again and again, and the dead row
      // versions that left behind slowed the drain once the LRS returned.
      limit: lane.failures > 0 ? 1 : this.batchSize,
    });
    if (entries.length === 0) return 0;
    const outcomes = await deliverBatch(lane.client, entries);
    await this.record(lane, entries[0]!.tenantId, outcomes);
    return entries.length;
  }

  private async record(lane: TargetLane, tenantId: string, outcomes: DeliveryOutcome[]): Promise<void> {
    const { outbox, clock, workerId, logger } = this.options;
    const target = lane.target.name;
    const now = clock.now();
    const ids = (entries: OutboxEntry[]) => entries.map((entry) => entry.id);
    let lastError: string | null = null;
    let targetWideRetry: { retryAfterMs: number | null } | null = null;
    for (const outcome of outcomes) {
      if (outcome.entries.length === 0) continue;
      switch (outcome.kind) {
        case 'sent':
          await outbox.markSent({ ids: ids(outcome.entries), workerId, now });
          break;
        case 'dead':
          await outbox.markDead({ ids: ids(outcome.entries), workerId, error: outcome.error, now });
          logger.warn('xAPI statement dead-lettered', { tenantId, target, rows: outcome.entries.length });
          lastError = outcome.error;
          break;
        case 'retry': {
          const attempts = Math.max(...outcome.entries.map((entry) => entry.attempts));
          const delay = retryDelayMs(
            attempts,
            outcome.retryAfterMs,
            this.options.backoff ?? DEFAULT_BACKOFF,
            this.options.random,
          );
          await outbox.retryLater({
            ids: ids(outcome.entries),
            workerId,
            error: outcome.error,
            nextAttemptAt: new Date(now.getTime() + delay),
          });
          if (outcome.targetWide) targetWideRetry = { retryAfterMs: outcome.retryAfterMs };
          lastError = outcome.error;
          break;
        }
        case 'paused':
          await outbox.pause({
            tenantId,
            target,
            reason: outcome.error,
            at: now,
            unlessSavedAfter: lane.since,
          });
          await outbox.retryLater({
            ids: ids(outcome.entries),
            workerId,
            error: outcome.error,
            nextAttemptAt: now,
          });
          logger.error(
            'LRS target paused: it refused our credentials; fix them, then resume it in the admin API',
            {
              tenantId,
              target,
              reason: outcome.error,
            },
          );
          lastError = outcome.error;
          break;
      }
    }
    const successKey = `${tenantId}/${target}`;
    if (
      outcomes.some((outcome) => outcome.kind === 'sent') &&
      now.getTime() - (this.successWritten.get(successKey) ?? 0) >= SUCCESS_WRITE_INTERVAL_MS
    ) {
      this.successWritten.set(successKey, now.getTime());
      await outbox.recordOutcome({ tenantId, target, at: now, error: null });
    }
    if (lastError) await outbox.recordOutcome({ tenantId, target, at: now, error: lastError });
    if (targetWideRetry) {
      lane.failures += 1;
      const delay = retryDelayMs(
        lane.failures,
        targetWideRetry.retryAfterMs,
        this.options.backoff ?? DEFAULT_BACKOFF,
        this.options.random,
      );
      lane.holdUntil = Math.max(lane.holdUntil, now.getTime() + delay);
      logger.warn('LRS target unavailable; holding back', {
        target,
        failures: lane.failures,
        delayMs: delay,
      });
    } else {
      if (lane.failures > 0 && outcomes.some((outcome) => outcome.kind === 'sent')) {
        // The LRS is back: rows pushed back during the outage need not wait out their backoff.
        const expedited = await outbox.retryNow({ target, tenantId: lane.tenantId, now });
        logger.info('LRS target available again', { target, failures: lane.failures, expedited });
      }
      lane.failures = 0;
    }
  }

  private checkVersionOnce(lane: TargetLane): Promise<void> {
    lane.versionChecked ??= lane.client.checkVersion().then(
      (versions) => this.options.logger.info('LRS target ready', { target: lane.target.name, versions }),
      (error: unknown) => {
        if (error instanceof LrsVersionError) {
          lane.disabled = true;
          this.options.logger.error('LRS target not used: wrong xAPI version', {
            target: lane.target.name,
            error: error.message,
          });
          return;
        }
        // The LRS may be down at start-up; sending will find out and back off.
        lane.versionChecked = null;
        this.options.logger.warn('Could not read the LRS /about', {
          target: lane.target.name,
          error: describe(error),
        });
      },
    );
    return lane.versionChecked;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}

/** A lane per tenant (or every tenant) and target settings: changed credentials or endpoint mean a new lane. */
function laneKey({ target, tenantId }: DispatchTarget): string {
  return `${tenantId ?? '*'} ${JSON.stringify(target)}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
