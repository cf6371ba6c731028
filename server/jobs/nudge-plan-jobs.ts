import {
  nudgePlanPayload,
  planEventNudges,
  planLapseWarnings,
  planAuthorSummaries,
  planDepartmentDigests,
  planManagerDigests,
  type NudgePlan,
  type NudgeStore,
  type Store,
} from '../../core';
import { nextDailyRun } from './housekeeping';
import type { JobDefinition } from './job-definition';
import { NUDGE_SEND_JOB } from './nudge-send-job';

export const NUDGE_PLAN_JOB = 'nudges.plan';
export const NUDGE_DAILY_PLAN_JOB = 'nudges.plan-daily';
const PLAN_EVERY_MS = 15 * 60_000;
/** Events are read again this far back: one committed late (a long transaction) is still seen; keys dedupe. */
const OVERLAP_MS = 5 * 60_000;

/**
 * Every 15 minutes per tenant: the nudges that follow from new events become send jobs. Each job's unique key
 * is the nudge's own, so any number of instances planning the same events queue it once.
 */
export function nudgePlanJob(options: { store: Store; nudges: NudgeStore }): JobDefinition {
  const { store, nudges } = options;
  return {
    kind: NUDGE_PLAN_JOB,
    async run(job, { now, logger }) {
      const tenant = await store.tenants.get(job.tenantId);
      if (!tenant) return;
      const plannedUpTo =
        typeof job.payload.plannedUpTo === 'string' ? new Date(job.payload.plannedUpTo) : null;
      const from = new Date((plannedUpTo?.getTime() ?? now.getTime() - PLAN_EVERY_MS) - OVERLAP_MS);
      const plans = await planEventNudges({ store, nudges, tenant, from, to: now });
      const queued = await queueNudges(store, job.tenantId, plans);
      logger.info('Nudges planned from events', { planned: plans.length, queued });
      return { nextPayload: { plannedUpTo: now.toISOString() } };
    },
    nextRunAt: (completedAt) => new Date(completedAt.getTime() + PLAN_EVERY_MS),
  };
}

/**
 * Daily per tenant: managers' weekly digests, department digests for those who asked, authors' weekly
 * summaries, and lapse warnings for levels that would drop within a week.
 */
export function nudgeDailyPlanJob(options: { store: Store; nudges: NudgeStore }): JobDefinition {
  const { store, nudges } = options;
  return {
    kind: NUDGE_DAILY_PLAN_JOB,
    async run(job, { now, logger }) {
      const tenant = await store.tenants.get(job.tenantId);
      if (!tenant) return;
      // Digests first: the lapse check assesses every L2 holder and takes longest.
      const digests = await queueNudges(
        store,
        job.tenantId,
        await planManagerDigests({ store, tenant, now }),
      );
      const departmentDigests = await queueNudges(
        store,
        job.tenantId,
        await planDepartmentDigests({ store, nudges, tenant, now }),
      );
      const authorSummaries = await queueNudges(
        store,
        job.tenantId,
        await planAuthorSummaries({ store, tenant, now }),
      );
      const warnings = await queueNudges(
        store,
        job.tenantId,
        await planLapseWarnings({ store, tenant, now }),
      );
      logger.info('Daily nudges planned', { digests, departmentDigests, authorSummaries, warnings });
    },
    nextRunAt: (completedAt) => nextDailyRun(completedAt, 4),
  };
}

async function queueNudges(store: Store, tenantId: string, plans: NudgePlan[]): Promise<number> {
  let queued = 0;
  for (const plan of plans) {
    const id = await store.jobs.enqueue({
      tenantId,
      kind: NUDGE_SEND_JOB,
      payload: nudgePlanPayload(plan),
      runAt: plan.runAt,
      uniqueKey: `nudge:${plan.key}`,
      maxAttempts: 8,
    });
    if (id) queued++;
  }
  return queued;
}
