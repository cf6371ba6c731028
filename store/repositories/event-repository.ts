import { and, desc, eq } from 'drizzle-orm';
import type { DomainEvent, DomainEventType, EventRepository } from '../../core';
import type { Db } from '../database';
import { events } from '../schema';

export function eventRepository(db: Db): EventRepository {
  return {
    async append(event) {
      await db.insert(events).values(event);
    },
    async listForTenant(tenantId, options = {}) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.tenantId, tenantId), options.type ? eq(events.type, options.type) : undefined))
        .orderBy(desc(events.seq))
        .limit(options.limit ?? 100);
      return rows.map(({ seq: _seq, ...row }) => ({
        ...row,
        type: row.type as DomainEventType,
        data: row.data as Record<string, unknown>,
      })) satisfies DomainEvent[];
    },
  };
}
