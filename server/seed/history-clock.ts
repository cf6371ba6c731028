import type { Clock } from '../../core';

/** A clock the history seed sets to each planned moment before it acts, so events carry those times. */
export type SettableClock = Clock & { set(at: Date): void };

export function settableClock(start: Date): SettableClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
  };
}
