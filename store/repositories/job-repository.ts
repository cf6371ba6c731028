import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Job, JobStatus, JobStore } from '../../core';
import type { Db } from '../database';
import { jobs } from '../schema';

type JobRow = typeof jobs.$inferSelect;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    tenantId: row.tenantId,
    kind: row.kind,
    payload: row.payload as Record<string, unknown>,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt,
    leaseUntil: row.leaseUntil,
    lockedBy: row.lockedBy,
    lastError: row.lastError,
    uniqueKey: row.uniqueKey,
  };
}

/** Jobs are claimed across tenants on purpose: one worker pool serves every tenant; each job carries its tenant. */
export function jobRepository(db: Db, newId: () => string): JobStore {
  const ownedBy = (jobId: string, workerId: string) =>
    and(eq(jobs.id, jobId), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running'));

  return {
    async enqueue(job) {
      const inserted = await db
        .insert(jobs)
        .values({
          id: newId(),
          tenantId: job.tenantId,
          kind: job.kind,
          payload: job.payload,
          status: 'queued',
          maxAttempts: job.maxAttempts ?? 5,
          runAt: job.runAt,
          uniqueKey: job.uniqueKey ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: jobs.id });
      return inserted[0]?.id ?? null;
    },

    async claimDue({ workerId, now, leaseMs, limit, kinds }) {
      if (kinds.length === 0) return [];
      return db.transaction(async (tx) => {
        const due = await tx
          .select({ id: jobs.id })
          .from(jobs)
          .where(
            and(
              inArray(jobs.kind, kinds),
              or(
                and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
                and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, now)),
              ),
            ),
          )
          .orderBy(asc(jobs.runAt))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        const claimed = await tx
          .update(jobs)
          .set({
            status: 'running',
            lockedBy: workerId,
            leaseUntil: new Date(now.getTime() + leaseMs),
            attempts: sql`${jobs.attempts} + 1`,
          })
          .where(
            inArray(
              jobs.id,
              due.map((row) => row.id),
            ),
          )
          .returning();
        return claimed.map(toJob);
      });
    },

    async extendLease({ jobId, workerId, leaseUntil }) {
      const rows = await db
        .update(jobs)
        .set({ leaseUntil })
        .where(ownedBy(jobId, workerId))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },

    async complete({ jobId, workerId, now }) {
      const rows = await db
        .update(jobs)
        .set({ status: 'done', finishedAt: now, leaseUntil: null })
        .where(ownedBy(jobId, workerId))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },

    async fail({ jobId, workerId, error, retryAt, now }) {
      const rows = await db
        .update(jobs)
        .set(
          retryAt
            ? { status: 'queued', runAt: retryAt, lastError: error, lockedBy: null, leaseUntil: null }
            : { status: 'failed', lastError: error, finishedAt: now, leaseUntil: null },
        )
        .where(ownedBy(jobId, workerId))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },

    async get(tenantId, jobId) {
      const rows = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.tenantId, tenantId), eq(jobs.id, jobId)));
      return rows[0] ? toJob(rows[0]) : null;
    },

    async deleteFinishedBefore(tenantId, before) {
      const rows = await db
        .delete(jobs)
        .where(
          and(
            eq(jobs.tenantId, tenantId),
            inArray(jobs.status, ['done', 'failed']),
            lt(jobs.finishedAt, before),
          ),
        )
        .returning({ id: jobs.id });
      return rows.length;
    },
  };
}
