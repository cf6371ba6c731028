export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A day in milliseconds: every day-based rule (lapse, retention, idle sessions) counts in these. */
export const DAY_MS = 86_400_000;
