import { and, eq, or, sql } from 'drizzle-orm';
import type { PersonWeek, PersonWorkflowWeekRollup } from '../../core';
import type { Db } from '../database';
import { addPrefixedValues, prebuiltStatementsByShape, prefixedPlaceholders } from '../prebuilt-statement';
import { personWeekRollups, personWorkflowWeekRollups, tenantWeekRollups } from '../schema';
import { addToSums, tenantWeekDeltas } from './tenant-week-sums';

type WeekRow = typeof personWeekRollups.$inferSelect;
type AddedShape = { weeks: number; workflowWeeks: number; sums: number };

const indexes = (count: number) => Array.from({ length: count }, (_, index) => index);

/**
 * Deletes the rollup rows of some (person, week)s from both person tables in one statement (PostgreSQL runs a
 * data-modifying WITH even when unreferenced), returning the person-week rows it removed. Built once for each
 * number of keys: after every start and completion this runs with one or two.
 */
const removeKeys = prebuiltStatementsByShape(
  (keys: number) => String(keys),
  (db, keys) => {
    const matchesKey = (table: typeof personWeekRollups | typeof personWorkflowWeekRollups) =>
      or(
        ...indexes(keys).map((index) =>
          and(
            eq(table.personId, sql.placeholder(`person${index}`)),
            eq(table.weekStart, sql.placeholder(`week${index}`)),
          ),
        ),
      );
    const tenantId = sql.placeholder('tenantId');
    const removedWorkflowWeeks = db.$with('removed_workflow_weeks').as(
      db
        .delete(personWorkflowWeekRollups)
        .where(and(eq(personWorkflowWeekRollups.tenantId, tenantId), matchesKey(personWorkflowWeekRollups)))
        .returning({ personId: personWorkflowWeekRollups.personId }),
    );
    return db
      .with(removedWorkflowWeeks)
      .delete(personWeekRollups)
      .where(and(eq(personWeekRollups.tenantId, tenantId), matchesKey(personWeekRollups)))
      .returning();
  },
);

/**
 * Inserts person-week and person-workflow-week rows and adds what they change to the tenant's weekly sums, in
 * one statement; built once for each number of rows of each kind.
 */
const addRowsAndSums = prebuiltStatementsByShape(
  (shape: AddedShape) => `${shape.weeks}/${shape.workflowWeeks}/${shape.sums}`,
  (db, shape) => {
    const inserts = [
      db.$with('added_weeks').as(
        db
          .insert(personWeekRollups)
          .values(indexes(shape.weeks).map((index) => prefixedPlaceholders(personWeekRollups, `w${index}.`)))
          .returning({ personId: personWeekRollups.personId }),
      ),
      ...(shape.workflowWeeks > 0
        ? [
            db.$with('added_workflow_weeks').as(
              db
                .insert(personWorkflowWeekRollups)
                .values(
                  indexes(shape.workflowWeeks).map((index) =>
                    prefixedPlaceholders(personWorkflowWeekRollups, `f${index}.`),
                  ),
                )
                .returning({ personId: personWorkflowWeekRollups.personId }),
            ),
          ]
        : []),
    ];
    return db
      .with(...inserts)
      .insert(tenantWeekRollups)
      .values(indexes(shape.sums).map((index) => prefixedPlaceholders(tenantWeekRollups, `s${index}.`)))
      .onConflictDoUpdate(addToSums);
  },
);

export async function removeRollupKeys(
  db: Db,
  tenantId: string,
  keys: readonly PersonWeek[],
): Promise<WeekRow[]> {
  const values: Record<string, unknown> = { tenantId };
  keys.forEach((key, index) => {
    values[`person${index}`] = key.personId;
    values[`week${index}`] = key.weekStart;
  });
  return removeKeys(db, keys.length, values);
}

/**
 * Writes new person-week rows (at least one) and their person-workflow-week rows, and changes the tenant's
 * weekly sums by what they add and what `removed` took out, in one statement.
 */
export async function addRollupRows(
  db: Db,
  tenantId: string,
  removed: readonly WeekRow[],
  weeks: readonly WeekRow[],
  workflowWeeks: readonly PersonWorkflowWeekRollup[],
): Promise<void> {
  const sums = tenantWeekDeltas(tenantId, removed, weeks);
  const values: Record<string, unknown> = {};
  weeks.forEach((row, index) => addPrefixedValues(values, row, `w${index}.`));
  workflowWeeks.forEach((row, index) => addPrefixedValues(values, row, `f${index}.`));
  sums.forEach((row, index) => addPrefixedValues(values, row, `s${index}.`));
  await addRowsAndSums(
    db,
    { weeks: weeks.length, workflowWeeks: workflowWeeks.length, sums: sums.length },
    values,
  );
}
