import { NUDGE_KIND_NAMES, NUDGE_KINDS, withNudgeChoice, type NudgeKind, type Person } from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { cardMessage, text as reply, type Outgoing } from '../conversation/outgoing';
import { nudgeSettingsFor } from './nudge-settings';

const ALL = ['nudges', 'reminders', 'all nudges', 'all reminders'];

/** "stop nudges", "start practice reminders", "stop lapse warnings": which kind (null: all), on or off. */
export function parseNudgeChoice(text: string): { kind: NudgeKind | null; on: boolean } | null {
  const match = /^(stop|start|resume)\s+(.+?)[.!]*$/i.exec(text.trim());
  if (!match) return null;
  const on = match[1]!.toLowerCase() !== 'stop';
  const what = match[2]!.toLowerCase().replace(/\s+/g, ' ');
  if (ALL.includes(what)) return { kind: null, on };
  const kind = NUDGE_KINDS.find((candidate) => NUDGE_KIND_NAMES[candidate] === what);
  return kind ? { kind, on } : null;
}

const SETTINGS = ['nudges', 'my nudges', 'reminders', 'my reminders'];

/**
 * Answers a reply that turns nudges off or on ("stop nudges", "stop follow-ups", "start department digest"),
 * or "nudges" with the settings card; null when the text is about something else.
 */
export async function handleNudgeReply(
  deps: BotDependencies,
  person: Person,
  text: string,
): Promise<Outgoing | null> {
  const { nudges } = deps;
  if (!nudges) return null;
  const trimmed = text
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '');
  if (SETTINGS.includes(trimmed)) return cardMessage(await nudgeSettingsFor(deps, person));
  const choice = parseNudgeChoice(text);
  if (!choice) return null;
  const before = await nudges.preferences(person.tenantId, person.id);
  await nudges.savePreferences(
    person.tenantId,
    person.id,
    withNudgeChoice(before, choice.kind, choice.on),
    deps.clock.now(),
  );
  if (choice.kind === null)
    return reply(
      choice.on
        ? 'Reminders are back on. Reply “stop nudges” at any time to stop them.'
        : 'Done: Practica will not send you reminders any more. Reply “start nudges” to have them back.',
    );
  const name = NUDGE_KIND_NAMES[choice.kind];
  return reply(
    choice.on
      ? `Done: ${name.endsWith('s') ? `${name} are` : `the ${name} is`} on.${before.allOff ? ' Your other reminders stay as they were.' : ''}`
      : `Done: no more ${name}. Reply “start ${name}” to have them back.`,
  );
}
