import { AppError } from '../errors';
import type { Ids, Store } from '../ports';
import type { DomainEvent } from '../events';
import type { ActionOutcome } from './outcome';
import type { Session } from './session';

export const GENERATION_JOB = 'session.generate';

/** Thrown when another instance changed the session between our read and our write. */
export class SessionConflictError extends AppError {
  constructor() {
    super('conflict', 'This session changed at the same time somewhere else.');
  }
}

/**
 * Writes an outcome inside the caller's transaction: the session (compare-and-set on `previous.version`),
 * its events and its jobs, so none can exist without the others. A trial's events are returned (the chat
 * still answers them: the deliverable, the thanks) but never stored, so nothing derived from the event log
 * (metrics, levels, xAPI statements, nudges, insights) can count it.
 */
export async function persistOutcome(
  tx: Store,
  ids: Ids,
  previous: Session | null,
  outcome: ActionOutcome,
  now: Date,
): Promise<{ session: Session; events: DomainEvent[] }> {
  const session: Session = previous
    ? { ...outcome.session, version: previous.version + 1, updatedAt: now }
    : outcome.session;
  if (previous) {
    if (!(await tx.sessions.compareAndSet(session))) throw new SessionConflictError();
  } else {
    await tx.sessions.create(session);
  }
  const events: DomainEvent[] = outcome.events.map((draft) => ({
    id: ids.uuid(),
    tenantId: session.tenantId,
    type: draft.type,
    personId: session.personId,
    sessionId: session.id,
    workflowId: session.workflowId,
    occurredAt: now,
    data: draft.data,
  }));
  if (!session.trial) for (const event of events) await tx.events.append(event);
  for (const effect of outcome.effects) {
    await tx.jobs.enqueue({
      tenantId: session.tenantId,
      kind: GENERATION_JOB,
      payload: { sessionId: session.id, stepId: effect.stepId, attemptId: effect.attemptId },
      runAt: now,
      uniqueKey: `generate:${effect.attemptId}`,
      maxAttempts: 3,
    });
  }
  return { session, events };
}
