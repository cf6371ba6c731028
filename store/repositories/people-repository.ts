import { and, count, eq, inArray, sql } from 'drizzle-orm';
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
    userPrincipalName: row.userPrincipalName,
    managerAadObjectId: row.managerAadObjectId,
    lmsIdentifierSource: row.lmsIdentifierSource,
    leftAt: row.leftAt,
  };
}

export function peopleRepository(db: Db, newId: () => string): PeopleRepository {
  async function findOne(where: ReturnType<typeof and>): Promise<Person | null> {
    const rows = await db.select().from(people).where(where).limit(1);
    return rows[0] ? toPerson(rows[0]) : null;
  }

  return {
    get: (tenantId, personId) => findOne(and(eq(people.tenantId, tenantId), eq(people.id, personId))),
    async getMany(tenantId, personIds) {
      if (personIds.length === 0) return [];
      const rows = await db
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds])));
      return rows.map(toPerson);
    },
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
      const now = new Date();
      const source = profile.lmsIdentifierSource ?? 'directory';
      const values = {
        displayName: profile.displayName,
        email: profile.email.toLowerCase(),
        department: profile.department,
        jobTitle: profile.jobTitle,
        managerId: manager?.id ?? null,
        managerAadObjectId: profile.managerAadObjectId,
        employeeId: profile.employeeId,
        lmsIdentifier: profile.lmsIdentifier,
        lmsIdentifierSource: profile.lmsIdentifier === null ? null : source,
        roles: profile.roles,
        updatedAt: now,
        ...(profile.userPrincipalName !== undefined
          ? { userPrincipalName: profile.userPrincipalName?.toLowerCase() ?? null }
          : {}),
        ...(profile.active !== undefined ? { active: profile.active } : {}),
      };
      // The directory's identifier never replaces one an admin imported; leaving stamps the time once.
      const keepImported =
        source === 'directory' ? sql`${people.lmsIdentifierSource} = 'import'` : sql`false`;
      const rows = await db
        .insert(people)
        .values({
          id: newId(),
          tenantId,
          aadObjectId: profile.aadObjectId,
          ...values,
          leftAt: profile.active === false ? (profile.leftAt ?? now) : null,
        })
        .onConflictDoUpdate({
          target: [people.tenantId, people.aadObjectId],
          set: {
            ...values,
            lmsIdentifier: sql`case when ${keepImported} then ${people.lmsIdentifier} else excluded.lms_identifier end`,
            lmsIdentifierSource: sql`case when ${keepImported} then ${people.lmsIdentifierSource} else excluded.lms_identifier_source end`,
            ...(profile.active === undefined
              ? {}
              : profile.active
                ? { leftAt: null }
                : { leftAt: sql`coalesce(${people.leftAt}, excluded.left_at)` }),
          },
        })
        .returning();
      const row = rows[0];
      if (!row) throw new Error('Upserting a person returned no row');
      return toPerson(row);
    },

    async markLeft(tenantId, aadObjectIds, at) {
      if (aadObjectIds.length === 0) return 0;
      let marked = 0;
      for (let start = 0; start < aadObjectIds.length; start += 1000) {
        const rows = await db
          .update(people)
          .set({ active: false, leftAt: at, updatedAt: at })
          .where(
            and(
              eq(people.tenantId, tenantId),
              inArray(people.aadObjectId, aadObjectIds.slice(start, start + 1000)),
              eq(people.active, true),
            ),
          )
          .returning({ id: people.id });
        marked += rows.length;
      }
      return marked;
    },

    async resolveManagers(tenantId) {
      await db.execute(sql`
        update people as report set manager_id = manager.id
        from people as manager
        where report.tenant_id = ${tenantId} and manager.tenant_id = ${tenantId}
          and manager.aad_object_id = report.manager_aad_object_id
          and report.manager_id is distinct from manager.id`);
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
