import type { Clock, Ids, Store } from '../ports';
import {
  validateWorkflowDraft,
  type WorkflowProblem,
  type WorkflowVersion,
  type WorkflowViewer,
} from '../workflows';
import { openSession } from './open-session';
import { pauseOtherSessions } from './pause-other-sessions';
import { persistOutcome } from './persist-outcome';
import type { Session } from './session';

export type StartTrialResult =
  | { kind: 'started'; session: Session; version: WorkflowVersion }
  /** The draft does not pass the checks publishing would make: no session, the problems instead. */
  | { kind: 'invalid'; problems: WorkflowProblem[] }
  | { kind: 'duplicate' };

/**
 * "Try it yourself": the author (or an admin) runs the workflow's current draft as a private session. The
 * draft is checked as publishing checks it, then frozen as a trial version (never listed, never the latest,
 * numbered 0) that the session pins, so editing the draft afterwards does not change a trial under way and
 * trying again pins the new content. The workflow itself (status, version numbers) is left as it was.
 */
export async function startTrialSession(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: WorkflowViewer;
  workflowId: string;
  llmAvailable: boolean;
  activityId?: string;
  replyMessageId?: string;
}): Promise<StartTrialResult> {
  const { store, clock, ids, viewer } = options;
  const check = await validateWorkflowDraft(options);
  if (!check.valid) return { kind: 'invalid', problems: check.problems };
  const tenantId = viewer.person.tenantId;
  const personId = viewer.person.id;
  const now = clock.now();
  return store.transaction(async (tx) => {
    if (
      options.activityId &&
      !(await tx.processedActivities.markProcessed(tenantId, options.activityId, now))
    )
      return { kind: 'duplicate' };
    const workflow = await tx.workflows.get(tenantId, options.workflowId);
    const version: WorkflowVersion = {
      id: ids.uuid(),
      tenantId,
      workflowId: options.workflowId,
      versionNumber: 0,
      trial: true,
      definition: check.definition,
      publishedAt: now,
      publishedBy: personId,
    };
    await tx.workflows.addVersion(version);
    await pauseOtherSessions(tx, tenantId, personId, now);
    const outcome = openSession({
      tenantId,
      personId,
      version,
      context: {
        now,
        newId: () => ids.uuid(),
        llmAvailable: options.llmAvailable,
        workflowAuthorId: workflow?.authorId ?? personId,
        replyMessageId: options.replyMessageId ?? null,
      },
    });
    const { session } = await persistOutcome(tx, ids, null, outcome, now);
    return { kind: 'started', session, version };
  });
}
