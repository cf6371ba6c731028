import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import {
  DEFAULT_NUDGE_PREFERENCES,
  isNudgeKind,
  type DomainEvent,
  type DomainEventType,
  type NudgeStore,
} from '../../core';
import { toNumber, type Db } from '../database';
import { events, nudgeDeliveries, nudgePreferences, nudgeSendSlots, people } from '../schema';

export const kinds = (value: unknown) => (Array.isArray(value) ? value.filter(isNudgeKind) : []);

export function nudgeRepository(db: Db): NudgeStore {
  return {
    async preferences(tenantId, personId) {
      const [row] = await db
        .select()
        .from(nudgePreferences)
        .where(and(eq(nudgePreferences.tenantId, tenantId), eq(nudgePreferences.personId, personId)));
      if (!row) return { ...DEFAULT_NUDGE_PREFERENCES };
      return {
        allOff: row.allOff,
        kindsOff: kinds(row.kindsOff),
        kindsOn: kinds(row.kindsOn),
        unreachableSince: row.unreachableSince,
      };
    },
    async savePreferences(tenantId, personId, preferences, at) {
      const values = {
        allOff: preferences.allOff,
        kindsOff: preferences.kindsOff,
        kindsOn: preferences.kindsOn,
        updatedAt: at,
      };
      await db
        .insert(nudgePreferences)
        .values({ tenantId, personId, ...values })
        .onConflictDoUpdate({ target: [nudgePreferences.tenantId, nudgePreferences.personId], set: values });
    },
    async sentSince(tenantId, personId, since) {
      const rows = await db
        .select({ sentAt: nudgeDeliveries.sentAt })
        .from(nudgeDeliveries)
        .where(
          and(
            eq(nudgeDeliveries.tenantId, tenantId),
            eq(nudgeDeliveries.personId, personId),
            gte(nudgeDeliveries.sentAt, since),
          ),
        );
      return rows.map((row) => row.sentAt);
    },
    async reserve({ tenantId, key, personId, kind, at, limit, since }) {
      return db.transaction(async (tx) => {
        const person = and(eq(nudgePreferences.tenantId, tenantId), eq(nudgePreferences.personId, personId));
        await tx.insert(nudgePreferences).values({ tenantId, personId, updatedAt: at }).onConflictDoNothing();
        await tx
          .select({ personId: nudgePreferences.personId })
          .from(nudgePreferences)
          .where(person)
          .for('update');
        const [claimed] = await tx
          .select({ key: nudgeDeliveries.nudgeKey })
          .from(nudgeDeliveries)
          .where(and(eq(nudgeDeliveries.tenantId, tenantId), eq(nudgeDeliveries.nudgeKey, key)));
        if (claimed) return 'already_sent' as const;
        const [recent] = await tx
          .select({ value: count() })
          .from(nudgeDeliveries)
          .where(
            and(
              eq(nudgeDeliveries.tenantId, tenantId),
              eq(nudgeDeliveries.personId, personId),
              gte(nudgeDeliveries.sentAt, since),
            ),
          );
        if (toNumber(recent?.value ?? 0) >= limit) return 'over_limit' as const;
        const inserted = await tx
          .insert(nudgeDeliveries)
          .values({ tenantId, nudgeKey: key, personId, kind, sentAt: at })
          .onConflictDoNothing()
          .returning({ key: nudgeDeliveries.nudgeKey });
        return inserted.length === 1 ? ('reserved' as const) : ('already_sent' as const);
      });
    },
    async release(tenantId, key) {
      await db
        .delete(nudgeDeliveries)
        .where(and(eq(nudgeDeliveries.tenantId, tenantId), eq(nudgeDeliveries.nudgeKey, key)));
    },
    async markUnreachable(tenantId, personId, at) {
      await db
        .insert(nudgePreferences)
        .values({ tenantId, personId, unreachableSince: at, updatedAt: at })
        .onConflictDoUpdate({
          target: [nudgePreferences.tenantId, nudgePreferences.personId],
          set: { unreachableSince: at, updatedAt: at },
        });
    },
    async markReachable(tenantId, personId) {
      await db
        .update(nudgePreferences)
        .set({ unreachableSince: null })
        .where(
          and(
            eq(nudgePreferences.tenantId, tenantId),
            eq(nudgePreferences.personId, personId),
            isNotNull(nudgePreferences.unreachableSince),
          ),
        );
    },
    async eventsBetween(tenantId, types, from, to) {
      if (types.length === 0) return [];
      const rows = await db
        .select()
        .from(events)
        .where(
          and(
            eq(events.tenantId, tenantId),
            inArray(events.type, [...types]),
            gte(events.occurredAt, from),
            lt(events.occurredAt, to),
          ),
        )
        .orderBy(asc(events.seq));
      return rows.map(({ seq: _seq, ...row }): DomainEvent => ({
        ...row,
        type: row.type as DomainEventType,
        data: row.data as Record<string, unknown>,
      }));
    },
    async takeSendSlot(tenantId, now, spacingMs, maxWaitMs) {
      const nowSql = sql`${now.toISOString()}::timestamptz`;
      const slot = sql`greatest(${nudgeSendSlots.nextFreeAt}, ${nowSql})`;
      const [taken] = await db
        .insert(nudgeSendSlots)
        .values({ tenantId, nextFreeAt: new Date(now.getTime() + spacingMs) })
        .onConflictDoUpdate({
          target: nudgeSendSlots.tenantId,
          set: { nextFreeAt: sql`${slot} + ${`${spacingMs} milliseconds`}::interval` },
          setWhere: sql`${nudgeSendSlots.nextFreeAt} <= ${nowSql} + ${`${maxWaitMs} milliseconds`}::interval`,
        })
        .returning({ nextFreeAt: nudgeSendSlots.nextFreeAt });
      if (taken) return { taken: true, at: new Date(taken.nextFreeAt.getTime() - spacingMs) };
      const [held] = await db
        .select({ nextFreeAt: nudgeSendSlots.nextFreeAt })
        .from(nudgeSendSlots)
        .where(eq(nudgeSendSlots.tenantId, tenantId));
      return { taken: false, at: held?.nextFreeAt ?? now };
    },
    async holdSends(tenantId, until) {
      await db
        .insert(nudgeSendSlots)
        .values({ tenantId, nextFreeAt: until })
        .onConflictDoUpdate({
          target: nudgeSendSlots.tenantId,
          set: {
            nextFreeAt: sql`greatest(${nudgeSendSlots.nextFreeAt}, ${until.toISOString()}::timestamptz)`,
          },
        });
    },
    async peopleWhoChose(tenantId, kind) {
      const rows = await db
        .select({ personId: nudgePreferences.personId })
        .from(nudgePreferences)
        .where(
          and(
            eq(nudgePreferences.tenantId, tenantId),
            eq(nudgePreferences.allOff, false),
            sql`${nudgePreferences.kindsOn} @> ${JSON.stringify([kind])}::jsonb`,
          ),
        );
      return rows.map((row) => row.personId);
    },
    async reach(tenantId) {
      const [row] = await db
        .select({
          activePeople: count(),
          reachable: sql<number>`count(*) filter (where ${isNotNull(people.conversationReference)} and ${isNull(nudgePreferences.unreachableSince)})`,
        })
        .from(people)
        .leftJoin(
          nudgePreferences,
          and(eq(nudgePreferences.tenantId, people.tenantId), eq(nudgePreferences.personId, people.id)),
        )
        .where(and(eq(people.tenantId, tenantId), eq(people.active, true)));
      return { activePeople: toNumber(row?.activePeople ?? 0), reachable: toNumber(row?.reachable ?? 0) };
    },
  };
}
