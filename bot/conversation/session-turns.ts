import type { IAdaptiveCard } from '@microsoft/teams.cards';
import {
  actOnSession,
  describeSession,
  isAppError,
  startSession,
  type ActResult,
  type Person,
  type Session,
  type SessionAction,
  type WorkflowVersion,
} from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { sessionCard, type CardCommand, type CardInputs } from '../cards';
import { commandToAction } from './command-to-action';
import { followUps } from './follow-ups';
import { browseWorkflowsCard } from './find-workflows';
import { buildHomeCard } from './home';
import { tryDraftTurn } from './trial-turns';
import type { Outgoing } from './outgoing';
import { nudgeSettingsFor, saveNudgeSettings } from '../nudges/nudge-settings';

/** A card action's answer: the card that replaces the clicked one, and messages to send before it. */
export type CardTurn = { card: IAdaptiveCard; before: Outgoing[] };

const OUT_OF_DATE = 'That card was out of date, so nothing changed. Here is where you are now.';

async function loadOwned(
  deps: BotDependencies,
  person: Person,
  sessionId: string,
): Promise<{ session: Session; version: WorkflowVersion } | null> {
  const session = await deps.store.sessions.get(person.tenantId, sessionId);
  if (!session || session.personId !== person.id) return null;
  const version = await deps.store.workflows.getVersion(person.tenantId, session.workflowVersionId);
  return version ? { session, version } : null;
}

export type TurnIds = { activityId?: string; replyMessageId?: string };

export async function handleCardCommand(
  deps: BotDependencies,
  person: Person,
  command: CardCommand,
  inputs: CardInputs,
  ids: TurnIds,
): Promise<CardTurn> {
  if (command.op === 'home') return { card: await buildHomeCard(deps, person), before: [] };
  // Capture buttons are answered by capture-turns.ts; one arriving here is treated as "home".
  if (command.op === 'capture' || command.op === 'capture_stop')
    return { card: await buildHomeCard(deps, person), before: [] };
  if (command.op === 'try_draft') return tryDraftTurn(deps, person, command.workflowId, ids);
  if (command.op === 'browse')
    return { card: await browseWorkflowsCard(deps, person, command.skillArea), before: [] };
  if (command.op === 'nudges') return { card: await nudgeSettingsFor(deps, person), before: [] };
  if (command.op === 'save_nudges')
    return { card: await saveNudgeSettings(deps, person, inputs), before: [] };
  if (command.op === 'start') {
    let started: Awaited<ReturnType<typeof startSession>>;
    try {
      started = await startSession({
        ...deps,
        tenantId: person.tenantId,
        personId: person.id,
        workflowId: command.workflowId,
        llmAvailable: deps.llmAvailable,
        ...ids,
      });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not_found') throw error;
      return { card: await buildHomeCard(deps, person), before: [{ kind: 'text', text: error.message }] };
    }
    if (started.kind === 'duplicate') return currentCard(deps, person, null);
    return { card: sessionCard(describeSession(started.session, started.version.definition)), before: [] };
  }

  const owned = await loadOwned(deps, person, command.sessionId);
  if (!owned)
    return {
      card: await buildHomeCard(deps, person),
      before: [{ kind: 'text', text: 'That session is not yours or no longer exists.' }],
    };
  const action: SessionAction | null =
    command.op === 'continue'
      ? { type: 'resume' }
      : commandToAction(command, inputs, owned.version.definition, owned.session.currentStepIndex);
  if (!action)
    return { card: sessionCard(describeSession(owned.session, owned.version.definition)), before: [] };
  const expectedVersion = 'version' in command ? command.version : undefined;
  return runAction(deps, person, owned, action, { ...ids, expectedVersion });
}

/** Applies an action and renders the outcome; a refusal is shown on the same card, in the employee's words. */
export async function runAction(
  deps: BotDependencies,
  person: Person,
  owned: { session: Session; version: WorkflowVersion },
  action: SessionAction,
  options: TurnIds & { expectedVersion?: number },
): Promise<CardTurn> {
  let result: ActResult;
  try {
    result = await actOnSession({
      ...deps,
      tenantId: person.tenantId,
      sessionId: owned.session.id,
      action,
      actorPersonId: person.id,
      llmAvailable: deps.llmAvailable,
      knownSession: owned.session,
      ...options,
    });
  } catch (error) {
    if (!isAppError(error) || !['invalid_input', 'forbidden', 'not_found'].includes(error.code)) throw error;
    const fresh = (await loadOwned(deps, person, owned.session.id)) ?? owned;
    return {
      card: sessionCard(describeSession(fresh.session, fresh.version.definition), error.message),
      before: [],
    };
  }
  if (result.kind === 'duplicate') return currentCard(deps, person, owned.session.id);
  const view = describeSession(result.session, result.version.definition);
  if (result.kind === 'stale') return { card: sessionCard(view, OUT_OF_DATE), before: [] };
  if (result.kind === 'unchanged') return { card: sessionCard(view), before: [] };
  if (action.type === 'pause') {
    return {
      card: sessionCard(
        view,
        'Paused. Type **continue** (or **help**) whenever you are ready; nothing is lost.',
      ),
      before: [],
    };
  }
  const before = await followUps(deps, person, result.version, result.session.deliverable, result.events);
  return { card: sessionCard(view), before };
}

export async function currentCard(
  deps: BotDependencies,
  person: Person,
  sessionId: string | null,
): Promise<CardTurn> {
  const session = sessionId
    ? await deps.store.sessions.get(person.tenantId, sessionId)
    : await deps.store.sessions.findCurrentForPerson(person.tenantId, person.id);
  const owned = session && session.personId === person.id ? await loadOwned(deps, person, session.id) : null;
  if (!owned) return { card: await buildHomeCard(deps, person), before: [] };
  return { card: sessionCard(describeSession(owned.session, owned.version.definition)), before: [] };
}
