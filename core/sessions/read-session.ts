import type { Clock, Ids, Store } from '../ports';
import { activeMinutes } from './active-time';
import type { DeliverableRole } from './deliverable-access';
import { sessionAsSeenBy } from './session-as-seen-by';
import type { SessionFeedback, SessionPhase, SessionStatus } from './session';

/**
 * A session as the API shows it: where it stands, each step's progress and the feedback. Never the inputs or the
 * model's outputs (they stay in the database); the deliverable has its own endpoint.
 */
export type SessionSummary = {
  id: string;
  viewerRole: DeliverableRole;
  workflowId: string;
  workflowTitle: string;
  versionNumber: number | null;
  status: SessionStatus;
  phase: SessionPhase;
  startedAt: Date;
  completedAt: Date | null;
  activeMinutes: number;
  steps: {
    id: string;
    title: string;
    kind: string;
    state: 'done' | 'current' | 'to do';
    attempts: number;
    outputSource: string | null;
  }[];
  /** What the owner said after the deliverable; "what broke" only to the owner (authors read it in aggregate). */
  feedback: Pick<
    SessionFeedback,
    | 'ratings'
    | 'meanRating'
    | 'minutesTaken'
    | 'manualMinutes'
    | 'savedTimeGoesTo'
    | 'whatBroke'
    | 'sharedForReview'
  > | null;
  hasDeliverable: boolean;
  contentDeleted: boolean;
};

/**
 * GET /sessions/{id}: the owner always; their manager (unless managerVisibility is levels-only) and the workflow's
 * author once it was shared for review, with the read audited. Anyone else is told it does not exist.
 */
export async function readSession(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  viewerId: string;
  sessionId: string;
}): Promise<SessionSummary> {
  const { store, tenantId, viewerId } = options;
  const { session, workflow, version, role } = await sessionAsSeenBy({
    ...options,
    notFoundMessage: 'No session of yours has that id.',
  });
  if (role !== 'owner')
    await store.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: viewerId,
      action: 'session.read',
      subjectPersonId: session.personId,
      details: { sessionId: session.id },
      at: options.clock.now(),
    });

  const records = new Map(session.steps.map((record) => [record.stepId, record]));
  const steps = (version?.definition.steps ?? []).map((step, index) => {
    const record = records.get(step.id);
    return {
      id: step.id,
      title: step.title,
      kind: step.kind,
      state:
        record?.completedAt != null
          ? ('done' as const)
          : index === session.currentStepIndex && session.status !== 'completed'
            ? ('current' as const)
            : ('to do' as const),
      attempts: record?.attempts.length ?? 0,
      outputSource: record?.outputSource ?? null,
    };
  });
  const feedback = session.feedback;
  return {
    id: session.id,
    viewerRole: role,
    workflowId: session.workflowId,
    workflowTitle: version?.definition.title ?? workflow?.title ?? 'A retired workflow',
    // A trial pins an unnumbered copy of the draft, not a published version.
    versionNumber: version && !version.trial ? version.versionNumber : null,
    status: session.status,
    phase: session.phase,
    startedAt: session.startedAt,
    completedAt: session.completedAt,
    activeMinutes: activeMinutes(session.activeMs),
    steps,
    feedback: feedback && {
      ratings: feedback.ratings,
      meanRating: feedback.meanRating,
      minutesTaken: feedback.minutesTaken,
      manualMinutes: feedback.manualMinutes,
      savedTimeGoesTo: feedback.savedTimeGoesTo,
      whatBroke: role === 'owner' ? feedback.whatBroke : null,
      sharedForReview: feedback.sharedForReview,
    },
    hasDeliverable: session.deliverable !== null && session.deliverable !== '',
    contentDeleted: session.contentPurgedAt !== null,
  };
}
