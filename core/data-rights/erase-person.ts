import type { Viewer } from '../access';
import { AppError } from '../errors';
import type { Person } from '../people';
import type { Clock, Ids, Store } from '../ports';
import { reassessLevels } from '../proficiency';
import type { NewOutboxEntry } from '../xapi-outbox';
import {
  FORMER_COLLEAGUE_ID,
  type ErasureCounts,
  type PersonStatement,
  type VoidingStatementFactory,
} from './person-data';

/** What an erasure did, for the L&D admin and the LRS administrator. */
export type ErasureReceipt = {
  personId: string;
  erasedAt: Date;
  /**
   * Per LRS target, the ids of the person's statements it may hold; each gets a `voided` statement when queued.
   * `lrsSearched`: the LRS itself was asked (so statements the outbox no longer records are included).
   */
  statements: { target: string; statementIds: string[]; voidingQueued: boolean; lrsSearched: boolean }[];
  /** Rows deleted or rewritten, by table. */
  changed: ErasureCounts;
};

/**
 * Erases a person (right to erasure), all or nothing in one transaction: every row about them is deleted
 * except the audit log, other people's records that name them point at "former colleague", their statements
 * not yet sent are dropped, and each statement an LRS may already hold gets a `voided` statement in the
 * outbox for that target. An L&D admin confirms with the person's work email, so a slip cannot erase anyone.
 */
export async function erasePerson(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: Viewer;
  personId: string;
  /** The person's work email, typed by the admin. */
  confirmation: string;
  /** The tenant's LRS targets now; statements for a target no longer configured are listed but not voided. */
  targetNames: readonly string[];
  voidingStatement: VoidingStatementFactory;
  /** Asks each LRS for Practica's statements about the person (null for a target that could not be asked). */
  statementsOnLrs?: StatementsOnLrs;
}): Promise<ErasureReceipt> {
  const { viewer, personId, ids } = options;
  const tenantId = viewer.person.tenantId;
  if (!viewer.roles.includes('admin')) throw new AppError('forbidden', 'Only L&D admins can erase a person');
  if (viewer.person.id === personId)
    throw new AppError('invalid_input', 'You cannot erase yourself; ask another L&D admin.');
  const person = await options.store.people.get(tenantId, personId);
  if (!person) throw new AppError('not_found', 'No one in your organisation has that id.');
  if (options.confirmation.trim().toLowerCase() !== person.email.trim().toLowerCase())
    throw new AppError(
      'invalid_input',
      "The confirmation does not match: type the person's work email exactly to erase them.",
      { details: [{ path: 'confirmEmail', message: 'must be the work email of the person to erase' }] },
    );
  // Network calls stay outside the transaction.
  const onLrs = options.statementsOnLrs ? await options.statementsOnLrs(person) : [];
  return options.store.transaction(async (tx) => {
    if (!(await tx.personData.lockForErasure(tenantId, personId)))
      throw new AppError('not_found', 'No one in your organisation has that id.');
    const now = options.clock.now();
    const snapshot = await tx.personData.snapshot(tenantId, personId);
    const authors = await authorsOfWorkflowsRun(
      tx,
      tenantId,
      snapshot?.sessions.map((s) => s.workflowId),
    );

    const { changed, statements } = await tx.personData.erase(tenantId, personId);

    const receipt = statementsPerTarget(statements, onLrs, now, options.targetNames);
    const voiding: NewOutboxEntry[] = receipt.flatMap(({ target, voidingQueued, rows }) =>
      voidingQueued
        ? rows.map((row) => {
            const { statementId, payload } = options.voidingStatement({
              tenantId,
              target,
              statementId: row.statementId,
            });
            return {
              id: ids.uuid(),
              tenantId,
              statementId,
              target,
              eventId: null,
              personId: null,
              payload,
              status: 'pending' as const,
              // A row on its way to the LRS is voided once its lease is over, so the void never comes first.
              nextAttemptAt: row.inFlightUntil && row.inFlightUntil > now ? row.inFlightUntil : now,
            };
          })
        : [],
    );
    await tx.xapiOutbox.enqueue(voiding);

    // Their runs of colleagues' workflows are gone: the authors' L3 may no longer hold.
    const others = authors.filter((id) => id !== personId && id !== FORMER_COLLEAGUE_ID);
    if (others.length > 0)
      await reassessLevels({ store: tx, ids, tenantId, personIds: others, at: now, reason: 'recompute' });

    const perTarget = receipt.map(({ target, voidingQueued, lrsSearched, rows }) => ({
      target,
      statementIds: rows.map((row) => row.statementId),
      voidingQueued,
      lrsSearched,
    }));
    await tx.audit.append({
      id: ids.uuid(),
      tenantId,
      actorId: viewer.person.id,
      action: 'person.erased',
      subjectPersonId: personId,
      details: { statements: perTarget, changed },
      at: now,
    });
    return { personId, erasedAt: now, statements: perTarget, changed };
  });
}

async function authorsOfWorkflowsRun(
  tx: Store,
  tenantId: string,
  workflowIds: string[] = [],
): Promise<string[]> {
  const authors = new Set<string>();
  for (const workflowId of new Set(workflowIds)) {
    const workflow = await tx.workflows.get(tenantId, workflowId);
    if (workflow) authors.add(workflow.authorId);
  }
  return [...authors];
}

/**
 * Statements an LRS holds or may hold: those it acknowledged, those a dispatcher is sending right now, and
 * those the LRS itself listed (older ones the outbox has forgotten).
 */
function statementsPerTarget(
  statements: PersonStatement[],
  onLrs: Awaited<ReturnType<StatementsOnLrs>>,
  now: Date,
  targetNames: readonly string[],
) {
  const reached = statements.filter(
    (row) =>
      row.status === 'sent' || (row.status === 'pending' && row.inFlightUntil && row.inFlightUntil > now),
  );
  const targets = [
    ...new Set([
      ...reached.map((row) => row.target),
      ...onLrs.filter((found) => (found.statementIds ?? []).length > 0).map((found) => found.target),
    ]),
  ].sort();
  return targets.map((target) => {
    const rows: { statementId: string; inFlightUntil: Date | null }[] = reached.filter(
      (row) => row.target === target,
    );
    const found = onLrs.find((entry) => entry.target === target);
    for (const statementId of found?.statementIds ?? [])
      if (!rows.some((row) => row.statementId === statementId))
        rows.push({ statementId, inFlightUntil: null });
    return {
      target,
      voidingQueued: targetNames.includes(target),
      lrsSearched: Boolean(found?.statementIds),
      rows,
    };
  });
}

/** Per LRS target, the ids of Practica's statements about the person it holds; null when it could not be asked. */
export type StatementsOnLrs = (
  person: Person,
) => Promise<{ target: string; statementIds: string[] | null }[]>;
