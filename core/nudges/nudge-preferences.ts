import { OPT_IN_KINDS, type NudgeKind } from './nudge-kind';

/** A person's own nudge choices, and whether Teams last refused their conversation (the app uninstalled). */
export type NudgePreferences = {
  allOff: boolean;
  kindsOff: NudgeKind[];
  /** Opt-in kinds the person asked for. */
  kindsOn: NudgeKind[];
  unreachableSince: Date | null;
};

export const DEFAULT_NUDGE_PREFERENCES: NudgePreferences = {
  allOff: false,
  kindsOff: [],
  kindsOn: [],
  unreachableSince: null,
};

export function personWantsNudge(preferences: NudgePreferences, kind: NudgeKind): boolean {
  if (preferences.allOff || preferences.kindsOff.includes(kind)) return false;
  return !OPT_IN_KINDS.includes(kind) || preferences.kindsOn.includes(kind);
}

/** The preferences after turning one kind (or, with null, every kind) on or off. */
export function withNudgeChoice(
  preferences: NudgePreferences,
  kind: NudgeKind | null,
  on: boolean,
): NudgePreferences {
  if (kind === null) return { ...preferences, allOff: !on, ...(on ? {} : { kindsOn: [] }) };
  const kindsOff = preferences.kindsOff.filter((candidate) => candidate !== kind);
  const kindsOn = preferences.kindsOn.filter((candidate) => candidate !== kind);
  return {
    ...preferences,
    allOff: on ? false : preferences.allOff,
    kindsOff: on ? kindsOff : [...kindsOff, kind],
    kindsOn: on && OPT_IN_KINDS.includes(kind) ? [...kindsOn, kind] : kindsOn,
  };
}

/**
 * The preferences after saving the settings card: each kind on or off as given (kinds left out stay as they
 * were), and reminders as a whole on or off without forgetting the per-kind choices.
 */
export function withNudgeChoices(
  preferences: NudgePreferences,
  choices: { all: boolean; kinds: Partial<Record<NudgeKind, boolean>> },
): NudgePreferences {
  let next = preferences;
  for (const [kind, on] of Object.entries(choices.kinds) as [NudgeKind, boolean][])
    next = withNudgeChoice(next, kind, on);
  return { ...next, allOff: !choices.all };
}

/** Whether the person chose this kind, whatever their switch for all reminders says. */
export function kindChosen(preferences: NudgePreferences, kind: NudgeKind): boolean {
  return personWantsNudge({ ...preferences, allOff: false }, kind);
}
