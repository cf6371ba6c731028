import { abandonIdleSessions, DAY_MS, purgeExpiredSessionContent, type Ids, type Store } from '../../core';
import type { JobDefinition } from './job-definition';

export const HOUSEKEEPING_JOB = 'housekeeping';
/** Sent outbox rows are kept this long for the admin view, then forgotten (the LRS holds the statements). */
export const SENT_STATEMENTS_KEPT_DAYS = 30;

/**
 * Daily per tenant: abandons sessions idle for 14 days, deletes session inputs and outputs past the tenant's
 * retention period, and forgets old processed-activity ids, finished jobs and statements the LRS acknowledged.
 */
export function housekeepingJob(store: Store, ids: Ids): JobDefinition {
  return {
    kind: HOUSEKEEPING_JOB,
    async run(job, { now, logger }) {
      const clock = { now: () => now };
      const tenant = await store.tenants.get(job.tenantId);
      const abandoned = await abandonIdleSessions({ store, clock, ids, tenantId: job.tenantId });
      const purged = tenant
        ? await purgeExpiredSessionContent({
            store,
            clock,
            tenantId: job.tenantId,
            retentionDays: tenant.settings.retentionDays,
          })
        : 0;
      const activities = await store.processedActivities.deleteBefore(
        job.tenantId,
        new Date(now.getTime() - 7 * DAY_MS),
      );
      const jobs = await store.jobs.deleteFinishedBefore(job.tenantId, new Date(now.getTime() - 14 * DAY_MS));
      const statements = await store.xapiOutbox.deleteSentBefore(
        job.tenantId,
        new Date(now.getTime() - SENT_STATEMENTS_KEPT_DAYS * DAY_MS),
      );
      logger.info('Housekeeping done', {
        sessionsAbandoned: abandoned,
        sessionsPurged: purged,
        activitiesForgotten: activities,
        jobsDeleted: jobs,
        sentStatementsForgotten: statements,
      });
    },
    nextRunAt: (completedAt) => nextDailyRun(completedAt, 3),
  };
}

/** The next time after `after` that it is `hourUtc`:00 UTC (a quiet hour for most European and US tenants). */
export function nextDailyRun(after: Date, hourUtc: number): Date {
  const next = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hourUtc));
  if (next.getTime() <= after.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Makes sure every tenant has its recurring jobs queued (after a first start, or a crash between runs). */
export async function scheduleRecurringJobs(
  store: Store,
  definitions: JobDefinition[],
  now: Date,
): Promise<void> {
  for (const tenant of await store.tenants.list()) {
    for (const definition of definitions.filter((candidate) => candidate.nextRunAt)) {
      await store.jobs.enqueue({
        tenantId: tenant.id,
        kind: definition.kind,
        payload: {},
        runAt: now,
        uniqueKey: definition.kind,
      });
    }
  }
}
