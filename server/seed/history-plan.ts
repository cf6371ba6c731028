import { DAY_MS } from '../../core';
import {
  AUTHOR_TRIAL_DAYS,
  REGULAR_ABANDON_CHANCE,
  type CastMember,
  type DayRange,
  type PlannedOutcome,
} from './history-cast';
import type { Random } from './history-random';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The last regular run may start this late in the window (day 87 of 90). */
const DEFAULT_LAST_DAY = 87;
/** Sessions start between 08:00 and 16:30 (UTC), on weekdays. */
const FIRST_START_MINUTE = 8 * 60;
const START_MINUTE_SPREAD = 8 * 60 + 30;
/** Room left before the end of the window for a session to finish. */
const SESSION_ROOM_MS = 2 * HOUR_MS;

export type PlannedRun = {
  email: string;
  workflowTitle: string;
  startAt: Date;
  outcome: PlannedOutcome;
  /** Sessions this person started before this one: people get better with practice. */
  experience: number;
  /** A regular's third run, whose deliverable meets the rubric bar (so their practice can count). */
  strong: boolean;
};

type Draft = Omit<PlannedRun, 'experience' | 'startAt'> & { day: number };

/**
 * Turns the cast into dated sessions in the 90 days before `endAt`: weekdays, working hours, at most one
 * session a day per person, in chronological order. Deterministic for a given random source.
 */
export function planHistory(options: {
  endAt: Date;
  windowDays: number;
  random: Random;
  cast: readonly CastMember[];
  authorTrials: readonly { email: string; workflowTitle: string }[];
}): PlannedRun[] {
  const { random } = options;
  const windowStart = options.endAt.getTime() - options.windowDays * DAY_MS;
  const latestStart = options.endAt.getTime() - SESSION_ROOM_MS;
  const draw = (range: DayRange) => random.int(range[0], range[1]);

  const drafts: Draft[] = options.authorTrials.map((trial) => ({
    ...trial,
    day: draw(AUTHOR_TRIAL_DAYS),
    outcome: 'completed',
    strong: false,
  }));
  for (const member of options.cast) {
    if (member.regular) drafts.push(...regularRuns(member.email, member.regular, random));
    for (const run of member.runs ?? []) {
      drafts.push({
        email: member.email,
        workflowTitle: run.workflow,
        day: draw(run.days),
        outcome: run.outcome ?? 'completed',
        strong: false,
      });
    }
  }

  const takenDays = new Map<string, Set<number>>();
  const placed = drafts.map((draft) => {
    const taken = takenDays.get(draft.email) ?? new Set<number>();
    takenDays.set(draft.email, taken);
    const minuteOfDay = FIRST_START_MINUTE + random.int(0, START_MINUTE_SPREAD);
    const startAt = placeOnWorkday({ windowStart, latestStart, day: draft.day, minuteOfDay, taken });
    const { day: _day, ...rest } = draft;
    return { ...rest, startAt };
  });
  placed.sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.email.localeCompare(b.email));

  const started = new Map<string, number>();
  return placed.map((run) => {
    const experience = started.get(run.email) ?? 0;
    started.set(run.email, experience + 1);
    return { ...run, experience };
  });
}

function regularRuns(
  email: string,
  regular: { workflow: string; firstDays: DayRange; gapDays: DayRange; lastDay?: number },
  random: Random,
): Draft[] {
  const lastDay = regular.lastDay ?? DEFAULT_LAST_DAY;
  const first = random.int(regular.firstDays[0], regular.firstDays[1]);
  const second = first + random.int(4, 7);
  const days = [first, second, second + random.int(5, 9)];
  for (
    let day = (days.at(-1) ?? first) + random.int(regular.gapDays[0], regular.gapDays[1]);
    day <= lastDay;
  ) {
    days.push(day);
    day += random.int(regular.gapDays[0], regular.gapDays[1]);
  }
  return days.map((day, index) => ({
    email,
    workflowTitle: regular.workflow,
    day,
    outcome: index >= 3 && random.chance(REGULAR_ABANDON_CHANCE) ? 'abandoned' : 'completed',
    strong: index === 2,
  }));
}

/**
 * The start time on `day` (or the nearest free weekday after it, else before it) that lies inside the
 * window and leaves room to finish before its end.
 */
function placeOnWorkday(options: {
  windowStart: number;
  latestStart: number;
  day: number;
  minuteOfDay: number;
  taken: Set<number>;
}): Date {
  const { windowStart, latestStart, taken } = options;
  const firstDay = Math.floor(windowStart / DAY_MS);
  const wanted = Math.floor((windowStart + options.day * DAY_MS) / DAY_MS);
  const shifts = [0, 1, 2, 3, 4, 5, 6, 7, -1, -2, -3, -4, -5, -6, -7];
  for (const shift of shifts) {
    const epochDay = wanted + shift;
    const start = epochDay * DAY_MS + options.minuteOfDay * MINUTE_MS;
    const weekday = new Date(start).getUTCDay();
    if (weekday === 0 || weekday === 6 || taken.has(epochDay)) continue;
    if (start < windowStart || start > latestStart || epochDay < firstDay) continue;
    taken.add(epochDay);
    return new Date(start);
  }
  throw new Error(`No free weekday near day ${options.day} of the demo history`);
}
