import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type {
  EvidenceRef,
  Level,
  LevelChange,
  LevelChangeReason,
  LevelRepository,
  StoredLevel,
} from '../../core';
import type { Db } from '../database';
import { prebuiltStatement } from '../prebuilt-statement';
import { levelChanges, levels } from '../schema';

function toStoredLevel(row: typeof levels.$inferSelect): StoredLevel {
  return { ...row, level: row.level as Level, evidence: row.evidence as EvidenceRef[] };
}

/** Read after every completed session and start, when the person's levels are assessed again. */
const levelsOfPerson = prebuiltStatement<
  { tenantId: string; personId: string },
  (typeof levels.$inferSelect)[]
>((db) =>
  db
    .select()
    .from(levels)
    .where(
      and(eq(levels.tenantId, sql.placeholder('tenantId')), eq(levels.personId, sql.placeholder('personId'))),
    )
    .orderBy(levels.skillArea),
);

function toChange(row: typeof levelChanges.$inferSelect): LevelChange {
  return {
    ...row,
    fromLevel: row.fromLevel as Level,
    toLevel: row.toLevel as Level,
    reason: row.reason as LevelChangeReason,
    evidence: row.evidence as EvidenceRef[],
  };
}

export function levelRepository(db: Db): LevelRepository {
  return {
    async listForPerson(tenantId, personId) {
      const rows = await levelsOfPerson(db, { tenantId, personId });
      return rows.map(toStoredLevel);
    },
    async listPeopleAtOrAbove(tenantId, level) {
      const rows = await db
        .selectDistinct({ personId: levels.personId })
        .from(levels)
        .where(and(eq(levels.tenantId, tenantId), gte(levels.level, level)))
        .orderBy(levels.personId);
      return rows.map((row) => row.personId);
    },
    async save(level) {
      await db
        .insert(levels)
        .values(level)
        .onConflictDoUpdate({
          target: [levels.tenantId, levels.personId, levels.skillArea],
          set: {
            level: level.level,
            evidence: level.evidence,
            reachedAt: level.reachedAt,
            updatedAt: level.updatedAt,
          },
        });
    },
    async appendChange(change) {
      await db.insert(levelChanges).values(change);
    },
    async listChanges(tenantId, options = {}) {
      const rows = await db
        .select()
        .from(levelChanges)
        .where(
          and(
            eq(levelChanges.tenantId, tenantId),
            options.personId ? eq(levelChanges.personId, options.personId) : undefined,
          ),
        )
        .orderBy(desc(levelChanges.at), desc(levelChanges.id))
        .limit(options.limit ?? 500);
      return rows.map(toChange);
    },
  };
}
