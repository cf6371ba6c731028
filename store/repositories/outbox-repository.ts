import { and, desc, eq } from 'drizzle-orm';
import type { OutboxEntry, OutboxStatus, XapiOutboxRepository } from '../../core';
import type { Db } from '../database';
import { xapiOutbox } from '../schema';

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

export function xapiOutboxRepository(db: Db): XapiOutboxRepository {
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
  };
}
