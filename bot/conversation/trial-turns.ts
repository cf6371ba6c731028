import { describeSession, isAppError, startTrialSession, type Person } from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { sessionCard, trialRefusedCard } from '../cards';
import { buildHomeCard } from './home';
import { currentCard, type CardTurn, type TurnIds } from './session-turns';

/**
 * The capture summary card's "Try it yourself": the draft as saved now runs as the author's private session,
 * or, when it does not pass the checks, its problems and the way to the editor (no session).
 */
export async function tryDraftTurn(
  deps: BotDependencies,
  person: Person,
  workflowId: string,
  ids: TurnIds,
): Promise<CardTurn> {
  let result: Awaited<ReturnType<typeof startTrialSession>>;
  try {
    result = await startTrialSession({
      ...deps,
      viewer: { person, roles: person.roles },
      workflowId,
      llmAvailable: deps.llmAvailable,
      ...ids,
    });
  } catch (error) {
    if (!isAppError(error) || !['not_found', 'forbidden', 'invalid_input'].includes(error.code)) throw error;
    return { card: await buildHomeCard(deps, person), before: [{ kind: 'text', text: error.message }] };
  }
  if (result.kind === 'duplicate') return currentCard(deps, person, null);
  if (result.kind === 'invalid') {
    const workflow = await deps.store.workflows.get(person.tenantId, workflowId);
    return {
      card: trialRefusedCard({
        title: workflow?.title ?? 'Untitled workflow',
        problems: result.problems,
        editUrl: deps.workflowEditUrl(workflowId),
      }),
      before: [],
    };
  }
  return { card: sessionCard(describeSession(result.session, result.version.definition)), before: [] };
}
