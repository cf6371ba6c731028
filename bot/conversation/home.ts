import { describeSession, mayAuthor, recommendWorkflows, type Person, type Session } from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { homeCard } from '../cards';
import { loadWorkflowCandidates } from './workflow-candidates';

const SUGGESTIONS = 4;

/** `known.current`: the person's current session as this turn already read it (saves reading it again). */
export async function buildHomeCard(
  deps: BotDependencies,
  person: Person,
  known?: { current: Session | null },
) {
  const { store } = deps;
  const [candidates, usage, current] = await Promise.all([
    loadWorkflowCandidates(deps, person.tenantId),
    store.sessions.usageByWorkflow(person.tenantId),
    known ? known.current : store.sessions.findCurrentForPerson(person.tenantId, person.id),
  ]);
  let currentModel = null;
  if (current) {
    const version = await store.workflows.getVersion(person.tenantId, current.workflowVersionId);
    if (version) {
      const view = describeSession(current, version.definition);
      currentModel = {
        sessionId: current.id,
        workflowTitle: view.trial ? `${view.workflowTitle} (trying your draft)` : view.workflowTitle,
        stepNumber: view.stepNumber,
        stepCount: view.stepCount,
        awaitingFeedback: view.current.kind === 'feedback',
      };
    }
  }
  return homeCard({
    firstName: person.displayName.split(' ')[0] ?? person.displayName,
    current: currentModel,
    suggestions: recommendWorkflows({ person, workflows: candidates, usage, limit: SUGGESTIONS }),
    canCapture: mayAuthor({ person, roles: person.roles }),
    canChooseReminders: deps.nudges !== undefined,
  });
}
