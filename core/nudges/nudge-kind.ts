/** The proactive messages the bot sends to keep a first try from becoming the last (issue 13). */
export const NUDGE_KINDS = [
  'low_rating_follow_up',
  'toward_l2',
  'social_proof',
  'author_reuse',
  'author_summary',
  'manager_digest',
  'lapse_warning',
] as const;

export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** Kinds a person receives only after asking for them (the department digest is opt-in). */
export const OPT_IN_KINDS: readonly NudgeKind[] = ['social_proof'];

/** How each kind is named to people: in replies, the settings card and "stop <name>". */
export const NUDGE_KIND_NAMES: Record<NudgeKind, string> = {
  low_rating_follow_up: 'follow-ups',
  toward_l2: 'practice reminders',
  social_proof: 'department digest',
  author_reuse: 'reuse notices',
  author_summary: 'author summary',
  manager_digest: 'manager digest',
  lapse_warning: 'lapse warnings',
};

export function isNudgeKind(value: unknown): value is NudgeKind {
  return typeof value === 'string' && (NUDGE_KINDS as readonly string[]).includes(value);
}
