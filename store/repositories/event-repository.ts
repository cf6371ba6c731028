import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { DomainEvent, DomainEventType, EventRepository } from '../../core';
import type { Db } from '../database';
import { columnPlaceholders, prebuiltStatement } from '../prebuilt-statement';
import { events } from '../schema';

/** Most turns record an event. */
const append = prebuiltStatement<DomainEvent, unknown>((db) =>
  db.insert(events).values(columnPlaceholders(events)),
);

function toEvent({ seq: _seq, ...row }: typeof events.$inferSelect): DomainEvent {
  return { ...row, type: row.type as DomainEventType, data: row.data as Record<string, unknown> };
}

export function eventRepository(db: Db): EventRepository {
  return {
    async append(event) {
      await append(db, event);
    },
    async listEvidence(tenantId, about, types) {
      const subjects = [
        about.personIds.length > 0 ? inArray(events.personId, about.personIds) : undefined,
        about.workflowIds.length > 0 ? inArray(events.workflowId, about.workflowIds) : undefined,
      ].filter((condition) => condition !== undefined);
      if (subjects.length === 0 || types.length === 0) return [];
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.tenantId, tenantId), inArray(events.type, [...types]), or(...subjects)))
        .orderBy(asc(events.seq));
      return rows.map(toEvent);
    },
    async listForTenant(tenantId, options = {}) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.tenantId, tenantId), options.type ? eq(events.type, options.type) : undefined))
        .orderBy(desc(events.seq))
        .limit(options.limit ?? 100);
      return rows.map(toEvent);
    },
  };
}
