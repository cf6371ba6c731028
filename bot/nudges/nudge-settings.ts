import type { IAdaptiveCard } from '@microsoft/teams.cards';
import {
  isNudgeKind,
  kindChosen,
  NUDGE_KINDS,
  nudgeRulesOf,
  tenantSendsNudge,
  withNudgeChoices,
  type NudgeKind,
  type Person,
} from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { noticeCard, nudgeSettingsCard, type CardInputs, type NudgeSettingsModel } from '../cards';

const NOT_AVAILABLE = 'Reminders are not available in this installation of Practica.';

/** The settings card as the person's choices stand now, with an optional line on what just happened. */
export async function nudgeSettingsFor(
  deps: BotDependencies,
  person: Person,
  notice?: NudgeSettingsModel['notice'],
): Promise<IAdaptiveCard> {
  const { nudges } = deps;
  if (!nudges) return noticeCard(NOT_AVAILABLE);
  const [tenant, preferences] = await Promise.all([
    deps.store.tenants.get(person.tenantId),
    nudges.preferences(person.tenantId, person.id),
  ]);
  const settings = tenant?.settings ?? { nudgesEnabled: false };
  const sent = NUDGE_KINDS.filter((kind) => tenantSendsNudge(settings, kind));
  return nudgeSettingsCard({
    tenantOff: !settings.nudgesEnabled,
    weeklyLimit: nudgeRulesOf(settings).weeklyLimit,
    all: !preferences.allOff,
    kinds: sent.map((kind) => ({ kind, on: kindChosen(preferences, kind) })),
    tenantOffKinds: NUDGE_KINDS.filter((kind) => !sent.includes(kind)),
    ...(notice ? { notice } : {}),
  });
}

/** The switches of a saved settings card; null when one of them is not a switch this card has. */
export function parseNudgeSwitches(
  inputs: CardInputs,
): { all: boolean | null; kinds: Partial<Record<NudgeKind, boolean>> } | null {
  let all: boolean | null = null;
  const kinds: Partial<Record<NudgeKind, boolean>> = {};
  for (const [id, value] of Object.entries(inputs)) {
    if (!id.startsWith('nudge.')) continue;
    if (value !== 'true' && value !== 'false') return null;
    const name = id.slice('nudge.'.length);
    if (name === 'all') all = value === 'true';
    else if (isNudgeKind(name)) kinds[name] = value === 'true';
    else return null;
  }
  return { all, kinds };
}

/** Saves the card's switches and answers with the card again, updated in place. */
export async function saveNudgeSettings(
  deps: BotDependencies,
  person: Person,
  inputs: CardInputs,
): Promise<IAdaptiveCard> {
  const { nudges } = deps;
  if (!nudges) return noticeCard(NOT_AVAILABLE);
  const switches = parseNudgeSwitches(inputs);
  if (!switches)
    return nudgeSettingsFor(deps, person, {
      kind: 'refused',
      text: 'Practica could not read that change, so nothing was changed. Set the switches again and save.',
    });
  const before = await nudges.preferences(person.tenantId, person.id);
  const after = withNudgeChoices(before, { all: switches.all ?? !before.allOff, kinds: switches.kinds });
  await nudges.savePreferences(person.tenantId, person.id, after, deps.clock.now());
  return nudgeSettingsFor(deps, person, {
    kind: 'saved',
    text: after.allOff ? 'Saved: Practica will not send you reminders.' : 'Saved.',
  });
}
