import { and, count, eq, sql } from 'drizzle-orm';
import type { ConversationReference, PeopleRepository, Person, Role } from '../../core';
import { toNumber, type Db } from '../database';
import { people } from '../schema';

type PersonRow = typeof people.$inferSelect;

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    tenantId: row.tenantId,
    aadObjectId: row.aadObjectId,
    displayName: row.displayName,
    email: row.email,
    department: row.department,
    jobTitle: row.jobTitle,
    managerId: row.managerId,
    employeeId: row.employeeId,
    lmsIdentifier: row.lmsIdentifier,
    roles: row.roles as Role[],
    conversationReference: (row.conversationReference as ConversationReference | null) ?? null,
    active: row.active,
  };
}

export function peopleRepository(db: Db, newId: () => string): PeopleRepository {
  async function findOne(where: ReturnType<typeof and>): Promise<Person | null> {
    const rows = await db.select().from(people).where(where).limit(1);
    return rows[0] ? toPerson(rows[0]) : null;
  }

  return {
    get: (tenantId, personId) => findOne(and(eq(people.tenantId, tenantId), eq(people.id, personId))),
    findByAadObjectId: (tenantId, aadObjectId) =>
      findOne(and(eq(people.tenantId, tenantId), eq(people.aadObjectId, aadObjectId))),
    findByEmail: (tenantId, email) =>
      findOne(and(eq(people.tenantId, tenantId), eq(sql`lower(${people.email})`, email.toLowerCase()))),

    async upsertProfile(tenantId, profile) {
      const manager = profile.managerAadObjectId
        ? await findOne(
            and(eq(people.tenantId, tenantId), eq(people.aadObjectId, profile.managerAadObjectId)),
          )
        : null;
      const values = {
        displayName: profile.displayName,
        email: profile.email.toLowerCase(),
        department: profile.department,
        jobTitle: profile.jobTitle,
        managerId: manager?.id ?? null,
        employeeId: profile.employeeId,
        lmsIdentifier: profile.lmsIdentifier,
        roles: profile.roles,
        updatedAt: new Date(),
      };
      const rows = await db
        .insert(people)
        .values({ id: newId(), tenantId, aadObjectId: profile.aadObjectId, ...values })
        .onConflictDoUpdate({ target: [people.tenantId, people.aadObjectId], set: values })
        .returning();
      const row = rows[0];
      if (!row) throw new Error('Upserting a person returned no row');
      return toPerson(row);
    },

    async list(tenantId) {
      const rows = await db
        .select()
        .from(people)
        .where(eq(people.tenantId, tenantId))
        .orderBy(people.displayName);
      return rows.map(toPerson);
    },

    async hasReports(tenantId, personId) {
      const rows = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.managerId, personId), eq(people.active, true)))
        .limit(1);
      return rows.length > 0;
    },

    async saveConversationReference(tenantId, personId, reference) {
      await db
        .update(people)
        .set({ conversationReference: reference })
        .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
    },

    async count(tenantId) {
      const rows = await db.select({ n: count() }).from(people).where(eq(people.tenantId, tenantId));
      return toNumber(rows[0]?.n ?? 0);
    },
  };
}
