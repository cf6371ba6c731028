import { describeSession, type Person } from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { sessionCard } from '../cards';
import { browseWorkflowsCard, findWorkflowsCard } from './find-workflows';
import { buildHomeCard } from './home';
import { interpretText } from './interpret-text';
import { cardMessage, text, type Outgoing } from './outgoing';
import { runAction } from './session-turns';

/** A typed message: a command, the answer the current step expects, or a short explanation. */
export async function handleText(
  deps: BotDependencies,
  person: Person,
  message: string,
  activityId: string | undefined,
): Promise<Outgoing[]> {
  const current = await deps.store.sessions.findCurrentForPerson(person.tenantId, person.id);
  const version = current
    ? await deps.store.workflows.getVersion(person.tenantId, current.workflowVersionId)
    : null;
  const owned = current && version ? { session: current, version } : null;
  const view = owned ? describeSession(owned.session, owned.version.definition) : null;
  const intent = interpretText(message, view);

  if (intent.kind === 'session' || (intent.kind === 'resume' && owned)) {
    if (!owned) return [];
    const turn = await runAction(
      deps,
      person,
      owned,
      intent.kind === 'session' ? intent.action : { type: 'resume' },
      { activityId },
    );
    return [...turn.before, cardMessage(turn.card)];
  }
  if (
    activityId &&
    !(await deps.store.processedActivities.markProcessed(person.tenantId, activityId, deps.clock.now()))
  )
    return [];
  switch (intent.kind) {
    case 'status':
      if (!owned || !view) return [text("You don't have a workflow going. Type **help** to pick one.")];
      return [
        cardMessage(
          sessionCard(view),
          `You are on step ${view.stepNumber} of ${view.stepCount} of **${view.workflowTitle}**: ${view.stepTitle}.`,
        ),
      ];
    case 'explain':
      return [text(intent.message)];
    case 'find':
      return [cardMessage(await findWorkflowsCard(deps, person, intent.query))];
    case 'browse':
      return [cardMessage(await browseWorkflowsCard(deps, person, intent.area))];
    default:
      return [cardMessage(await buildHomeCard(deps, person, { current }))];
  }
}
