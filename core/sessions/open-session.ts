import type { WorkflowVersion } from '../workflows';
import type { ActionOutcome, EngineContext } from './outcome';
import type { Session } from './session';
import { emptyStepRecord, enterStep } from './step-transitions';

/** A new session on a pinned workflow version, already on its first step. Its id is the xAPI registration. */
export function openSession(options: {
  tenantId: string;
  personId: string;
  version: WorkflowVersion;
  context: EngineContext;
}): ActionOutcome {
  const { version, context } = options;
  const session: Session = {
    id: context.newId(),
    tenantId: options.tenantId,
    personId: options.personId,
    workflowId: version.workflowId,
    workflowVersionId: version.id,
    trial: version.trial,
    status: 'active',
    phase: 'steps',
    currentStepIndex: 0,
    steps: version.definition.steps.map((step) => emptyStepRecord(step.id)),
    deliverable: null,
    feedback: null,
    activeMs: 0,
    lastActivityAt: context.now,
    version: 1,
    startedAt: context.now,
    updatedAt: context.now,
    completedAt: null,
    contentPurgedAt: null,
  };
  const entered = enterStep(session, version.definition, 0, context);
  return {
    session: entered.session,
    events: [
      {
        type: 'session.started',
        data: {
          workflowVersionId: version.id,
          versionNumber: version.versionNumber,
          skillArea: version.definition.skillArea,
        },
      },
      ...entered.events,
    ],
    effects: entered.effects,
  };
}
