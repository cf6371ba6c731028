import { describeSession, recommendWorkflows, type Person } from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { homeCard } from '../cards';

const SUGGESTIONS = 4;

export async function buildHomeCard(deps: BotDependencies, person: Person) {
  const { store } = deps;
  const [workflows, usage, current] = await Promise.all([
    store.workflows.listPublished(person.tenantId),
    store.sessions.usageByWorkflow(person.tenantId),
    store.sessions.findCurrentForPerson(person.tenantId, person.id),
  ]);
  const candidates = [];
  for (const workflow of workflows) {
    const [version, author] = await Promise.all([
      store.workflows.latestVersion(person.tenantId, workflow.id),
      store.people.get(person.tenantId, workflow.authorId),
    ]);
    if (version)
      candidates.push({
        workflow,
        definition: version.definition,
        authorName: author?.displayName ?? 'a colleague',
      });
  }
  let currentModel = null;
  if (current) {
    const version = await store.workflows.getVersion(person.tenantId, current.workflowVersionId);
    if (version) {
      const view = describeSession(current, version.definition);
      currentModel = {
        sessionId: current.id,
        workflowTitle: view.workflowTitle,
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
  });
}
