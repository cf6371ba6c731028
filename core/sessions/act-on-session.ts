import { AppError } from '../errors';
import type { DomainEvent } from '../events';
import type { Clock, Ids, Store } from '../ports';
import type { WorkflowVersion } from '../workflows';
import { applySessionAction } from './apply-session-action';
import { persistOutcome, SessionConflictError } from './persist-outcome';
import type { Session } from './session';
import type { SessionAction } from './session-action';

export type ActResult =
  | { kind: 'applied'; session: Session; version: WorkflowVersion; events: DomainEvent[] }
  | { kind: 'unchanged'; session: Session; version: WorkflowVersion }
  /** The action came from a card showing an older state of the session (or a second click on it). */
  | { kind: 'stale'; session: Session; version: WorkflowVersion }
  /** Teams delivered this activity before; it was acted on then. */
  | { kind: 'duplicate' };

export type ActOnSessionOptions = {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  sessionId: string;
  action: SessionAction;
  /** The employee acting; null for the system (a finished generation job). */
  actorPersonId: string | null;
  /** The session version the employee's card showed; a different current version makes the action stale. */
  expectedVersion?: number;
  activityId?: string;
  /** The card message the employee clicked, so a generation started now can update it in place. */
  replyMessageId?: string;
  llmAvailable: boolean;
  /**
   * The session as the caller just read it. Used instead of a second read on the first attempt; the
   * compare-and-set still refuses it if it was already out of date, and the retry reads afresh.
   */
  knownSession?: Session;
};

/**
 * Applies one action in one transaction: the activity is recorded as processed, the session written with
 * compare-and-set, and its events and jobs added, or none of it.
 */
export async function actOnSession(options: ActOnSessionOptions): Promise<ActResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await actOnce(options, attempt === 1 ? options.knownSession : undefined);
    } catch (error) {
      // Another instance won the race. A system action simply retries on the fresh state; an employee's
      // action is re-judged too, and comes back stale if their card no longer matches.
      if (!(error instanceof SessionConflictError) || attempt >= 3) throw error;
    }
  }
}

async function actOnce(options: ActOnSessionOptions, knownSession: Session | undefined): Promise<ActResult> {
  const { store, clock, ids, tenantId } = options;
  const now = clock.now();
  return store.transaction(async (tx) => {
    if (
      options.activityId &&
      !(await tx.processedActivities.markProcessed(tenantId, options.activityId, now))
    )
      return { kind: 'duplicate' };
    const session =
      knownSession?.id === options.sessionId && knownSession.tenantId === tenantId
        ? knownSession
        : await tx.sessions.get(tenantId, options.sessionId);
    if (!session) throw new AppError('not_found', 'That session does not exist.');
    if (options.actorPersonId !== null && session.personId !== options.actorPersonId) {
      throw new AppError('forbidden', 'That session belongs to someone else.');
    }
    const version = await tx.workflows.getVersion(tenantId, session.workflowVersionId);
    const workflow = await tx.workflows.get(tenantId, session.workflowId);
    if (!version || !workflow)
      throw new AppError('not_found', 'The workflow behind this session no longer exists.');
    if (options.expectedVersion !== undefined && options.expectedVersion !== session.version)
      return { kind: 'stale', session, version };

    const outcome = applySessionAction(session, version.definition, options.action, {
      now,
      newId: () => ids.uuid(),
      llmAvailable: options.llmAvailable,
      workflowAuthorId: workflow.authorId,
      replyMessageId: options.replyMessageId ?? null,
    });
    if (outcome.session === session) return { kind: 'unchanged', session, version };
    const written = await persistOutcome(tx, ids, session, outcome, now);
    return { kind: 'applied', session: written.session, version, events: written.events };
  });
}
