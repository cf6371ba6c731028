import {
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import {
  DAY_MS,
  type OutboxEntry,
  type OutboxStatus,
  type OutboxTargetStats,
  type XapiOutboxRepository,
} from '../../core';
import type { Db } from '../database';
import { lrsTargets, xapiOutbox, xapiTargetState } from '../schema';

type OutboxRow = typeof xapiOutbox.$inferSelect;

export function toOutboxEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    tenantId: row.tenantId,
    statementId: row.statementId,
    target: row.target,
    eventId: row.eventId,
    personId: row.personId,
    payload: row.payload as Record<string, unknown>,
    status: row.status as OutboxStatus,
    nextAttemptAt: row.nextAttemptAt,
    attempts: row.attempts,
    leaseUntil: row.leaseUntil,
    lockedBy: row.lockedBy,
    lastError: row.lastError,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  };
}

/** Claiming is cross-tenant on purpose (one dispatcher serves every tenant); everything else takes a tenant. */
export function xapiOutboxRepository(db: Db): XapiOutboxRepository {
  const leasedBy = (ids: string[], workerId: string) =>
    and(inArray(xapiOutbox.id, ids), eq(xapiOutbox.lockedBy, workerId), eq(xapiOutbox.status, 'pending'));

  return {
    async enqueue(entries) {
      if (entries.length === 0) return;
      await db
        .insert(xapiOutbox)
        .values(
          entries.map((entry) => ({
            id: entry.id,
            tenantId: entry.tenantId,
            statementId: entry.statementId,
            target: entry.target,
            eventId: entry.eventId,
            personId: entry.personId,
            payload: entry.payload,
            status: entry.status,
            nextAttemptAt: entry.nextAttemptAt,
          })),
        )
        .onConflictDoNothing();
    },

    async deleteSentBefore(tenantId, before) {
      const rows = await db
        .delete(xapiOutbox)
        .where(
          and(
            eq(xapiOutbox.tenantId, tenantId),
            eq(xapiOutbox.status, 'sent'),
            lt(xapiOutbox.sentAt, before),
          ),
        )
        .returning({ id: xapiOutbox.id });
      return rows.length;
    },

    async list(tenantId, options = {}) {
      const rows = await db
        .select()
        .from(xapiOutbox)
        .where(
          and(
            eq(xapiOutbox.tenantId, tenantId),
            options.target ? eq(xapiOutbox.target, options.target) : undefined,
            options.status ? eq(xapiOutbox.status, options.status) : undefined,
          ),
        )
        .orderBy(desc(xapiOutbox.createdAt))
        .limit(options.limit ?? 1000);
      return rows.map(toOutboxEntry);
    },

    async listHeldForPerson(tenantId, personId, limit = 1000) {
      const rows = await db
        .select()
        .from(xapiOutbox)
        .where(
          and(
            eq(xapiOutbox.tenantId, tenantId),
            eq(xapiOutbox.personId, personId),
            eq(xapiOutbox.status, 'held'),
          ),
        )
        .orderBy(asc(xapiOutbox.createdAt))
        .limit(limit);
      return rows.map(toOutboxEntry);
    },

    async release(tenantId, rows, now) {
      let released = 0;
      for (const row of rows) {
        const updated = await db
          .update(xapiOutbox)
          .set({ payload: row.payload, status: 'pending', nextAttemptAt: now })
          .where(
            and(eq(xapiOutbox.tenantId, tenantId), eq(xapiOutbox.id, row.id), eq(xapiOutbox.status, 'held')),
          )
          .returning({ id: xapiOutbox.id });
        released += updated.length;
      }
      return released;
    },

    async claimDue({ target, tenantId, workerId, now, leaseMs, limit }) {
      const pausedTenants = db
        .select({ tenantId: xapiTargetState.tenantId })
        .from(xapiTargetState)
        .where(and(eq(xapiTargetState.target, target), isNotNull(xapiTargetState.pausedAt)));
      const due = and(
        eq(xapiOutbox.target, target),
        tenantId ? eq(xapiOutbox.tenantId, tenantId) : undefined,
        eq(xapiOutbox.status, 'pending'),
        lte(xapiOutbox.nextAttemptAt, now),
        or(isNull(xapiOutbox.leaseUntil), lt(xapiOutbox.leaseUntil, now)),
      );
      // One tenant per batch: the oldest due row's (two simple statements plan faster than one nested one).
      const [oldest] = await db
        .select({ tenantId: xapiOutbox.tenantId })
        .from(xapiOutbox)
        .where(and(due, notInArray(xapiOutbox.tenantId, pausedTenants)))
        .orderBy(asc(xapiOutbox.nextAttemptAt))
        .limit(1);
      if (!oldest) return [];
      const picked = db
        .select({ id: xapiOutbox.id })
        .from(xapiOutbox)
        .where(and(due, eq(xapiOutbox.tenantId, oldest.tenantId)))
        // next_attempt_at alone, as the index is ordered: a tie-break would sort every row due at one instant.
        .orderBy(asc(xapiOutbox.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      // One statement locks, leases and returns the rows; the lock ends with it.
      const claimed = await db
        .update(xapiOutbox)
        .set({
          lockedBy: workerId,
          leaseUntil: new Date(now.getTime() + leaseMs),
          attempts: sql`${xapiOutbox.attempts} + 1`,
        })
        .where(inArray(xapiOutbox.id, picked))
        .returning();
      return claimed
        .map(toOutboxEntry)
        .sort(
          (a, b) =>
            a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
            a.createdAt.getTime() - b.createdAt.getTime(),
        );
    },

    async retryNow({ target, tenantId, now }) {
      const rows = await db
        .update(xapiOutbox)
        .set({ nextAttemptAt: now })
        .where(
          and(
            eq(xapiOutbox.target, target),
            tenantId ? eq(xapiOutbox.tenantId, tenantId) : undefined,
            eq(xapiOutbox.status, 'pending'),
            gt(xapiOutbox.nextAttemptAt, now),
            isNull(xapiOutbox.lockedBy),
          ),
        )
        .returning({ id: xapiOutbox.id });
      return rows.length;
    },

    async markSent({ ids, workerId, now }) {
      if (ids.length === 0) return 0;
      const rows = await db
        .update(xapiOutbox)
        .set({ status: 'sent', sentAt: now, lastError: null, lockedBy: null, leaseUntil: null })
        .where(leasedBy(ids, workerId))
        .returning({ id: xapiOutbox.id });
      return rows.length;
    },

    async retryLater({ ids, workerId, error, nextAttemptAt }) {
      if (ids.length === 0) return 0;
      const rows = await db
        .update(xapiOutbox)
        .set({ nextAttemptAt, lastError: error, lockedBy: null, leaseUntil: null })
        .where(leasedBy(ids, workerId))
        .returning({ id: xapiOutbox.id });
      return rows.length;
    },

    async markDead({ ids, workerId, error }) {
      if (ids.length === 0) return 0;
      const rows = await db
        .update(xapiOutbox)
        .set({ status: 'dead', lastError: error, lockedBy: null, leaseUntil: null })
        .where(leasedBy(ids, workerId))
        .returning({ id: xapiOutbox.id });
      return rows.length;
    },

    async recordOutcome({ tenantId, target, at, error }) {
      const values = error === null ? { lastSuccessAt: at } : { lastErrorAt: at, lastError: error };
      await db
        .insert(xapiTargetState)
        .values({ tenantId, target, ...values })
        .onConflictDoUpdate({ target: [xapiTargetState.tenantId, xapiTargetState.target], set: values });
    },

    async pause({ tenantId, target, reason, at, unlessSavedAfter }) {
      if (unlessSavedAfter) {
        const [saved] = await db
          .select({ at: lrsTargets.updatedAt })
          .from(lrsTargets)
          .where(
            and(
              eq(lrsTargets.tenantId, tenantId),
              eq(lrsTargets.name, target),
              gt(lrsTargets.updatedAt, unlessSavedAfter),
            ),
          );
        if (saved) return;
      }
      await db
        .insert(xapiTargetState)
        .values({ tenantId, target, pausedAt: at, pauseReason: reason })
        .onConflictDoUpdate({
          target: [xapiTargetState.tenantId, xapiTargetState.target],
          set: { pausedAt: at, pauseReason: reason },
        });
    },

    async resume({ tenantId, target }) {
      const rows = await db
        .update(xapiTargetState)
        .set({ pausedAt: null, pauseReason: null })
        .where(
          and(
            eq(xapiTargetState.tenantId, tenantId),
            eq(xapiTargetState.target, target),
            isNotNull(xapiTargetState.pausedAt),
          ),
        )
        .returning({ target: xapiTargetState.target });
      return rows.length === 1;
    },

    async stats(tenantId, targets, now) {
      if (targets.length === 0) return [];
      const counts = await db
        .select({
          target: xapiOutbox.target,
          backlog: sql<number | string>`count(*) filter (where ${xapiOutbox.status} = 'pending')`,
          held: sql<number | string>`count(*) filter (where ${xapiOutbox.status} = 'held')`,
          dead: sql<number | string>`count(*) filter (where ${xapiOutbox.status} = 'dead')`,
          sentLast24h: sql<
            number | string
          >`count(*) filter (where ${xapiOutbox.status} = 'sent' and ${gt(xapiOutbox.sentAt, new Date(now.getTime() - DAY_MS))})`,
        })
        .from(xapiOutbox)
        .where(and(eq(xapiOutbox.tenantId, tenantId), inArray(xapiOutbox.target, targets)))
        .groupBy(xapiOutbox.target);
      const states = await db
        .select()
        .from(xapiTargetState)
        .where(and(eq(xapiTargetState.tenantId, tenantId), inArray(xapiTargetState.target, targets)));
      return targets.map((target): OutboxTargetStats => {
        const count = counts.find((row) => row.target === target);
        const state = states.find((row) => row.target === target);
        return {
          target,
          backlog: Number(count?.backlog ?? 0),
          held: Number(count?.held ?? 0),
          dead: Number(count?.dead ?? 0),
          sentLast24h: Number(count?.sentLast24h ?? 0),
          lastSuccessAt: state?.lastSuccessAt ?? null,
          lastErrorAt: state?.lastErrorAt ?? null,
          lastError: state?.lastError ?? null,
          pausedAt: state?.pausedAt ?? null,
          pauseReason: state?.pauseReason ?? null,
        };
      });
    },

    async requeueDead({ tenantId, target, ids, now }) {
      const rows = await db
        .update(xapiOutbox)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedBy: null, leaseUntil: null })
        .where(
          and(
            eq(xapiOutbox.tenantId, tenantId),
            eq(xapiOutbox.target, target),
            eq(xapiOutbox.status, 'dead'),
            ids ? inArray(xapiOutbox.id, ids) : undefined,
          ),
        )
        .returning({ id: xapiOutbox.id });
      return rows.length;
    },
  };
}
