import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import type { WorkflowVersion } from '../workflows';
import { openSession } from './open-session';
import { pauseOtherSessions } from './pause-other-sessions';
import { persistOutcome } from './persist-outcome';
import type { Session } from './session';

export type StartSessionResult =
  { kind: 'started'; session: Session; version: WorkflowVersion } | { kind: 'duplicate' };

/**
 * Starts a workflow for a person on its latest published version (pinned for the whole session). Any other
 * session they had going is paused, so "continue" always means one thing.
 */
export async function startSession(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  personId: string;
  workflowId: string;
  llmAvailable: boolean;
  activityId?: string;
  replyMessageId?: string;
}): Promise<StartSessionResult> {
  const { store, clock, ids, tenantId, personId } = options;
  const now = clock.now();
  return store.transaction(async (tx) => {
    if (
      options.activityId &&
      !(await tx.processedActivities.markProcessed(tenantId, options.activityId, now))
    )
      return { kind: 'duplicate' };
    const workflow = await tx.workflows.get(tenantId, options.workflowId);
    if (!workflow || workflow.status !== 'published')
      throw new AppError('not_found', 'That workflow is not available any more.');
    const version = await tx.workflows.latestVersion(tenantId, workflow.id);
    if (!version) throw new AppError('not_found', 'That workflow has no published version.');

    await pauseOtherSessions(tx, tenantId, personId, now);
    const outcome = openSession({
      tenantId,
      personId,
      version,
      context: {
        now,
        newId: () => ids.uuid(),
        llmAvailable: options.llmAvailable,
        workflowAuthorId: workflow.authorId,
        replyMessageId: options.replyMessageId ?? null,
      },
    });
    const { session } = await persistOutcome(tx, ids, null, outcome, now);
    return { kind: 'started', session, version };
  });
}
