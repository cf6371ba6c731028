import type { GroupSums, MetricPeriod, Transition } from '../../core';
import { DAY_MS } from '../../core';

export type LevelChangeRow = {
  personId: string;
  skillArea: string;
  fromLevel: number;
  toLevel: number;
  at: Date;
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const days = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;

/**
 * From the members' level history (ordered by person, area, time): people by their highest level at each
 * week's end, and each person-area's first moment at L1, L2 and L3 for progression velocity. A change that
 * skips a level reaches both at once.
 */
export function levelFigures(changes: readonly LevelChangeRow[], period: MetricPeriod) {
  const held = new Map<string, LevelChangeRow[]>();
  for (const change of changes) {
    const key = `${change.personId}|${change.skillArea}`;
    held.set(key, [...(held.get(key) ?? []), change]);
  }
  const highest = period.weeks.map(() => new Map<string, number>());
  const reached = new Map<string, { personId: string; skillArea: string; at: (Date | null)[] }>();
  for (const [key, history] of held) {
    const { personId, skillArea } = history[0]!;
    period.weekEnds.forEach((end, index) => {
      const current = history.filter((change) => change.at < end).at(-1);
      if (!current) return;
      const people = highest[index]!;
      people.set(personId, Math.max(people.get(personId) ?? 0, current.toLevel));
    });
    const at: (Date | null)[] = [null, null, null, null];
    for (const change of history)
      if (change.toLevel > change.fromLevel)
        for (let level = 1; level <= Math.min(3, change.toLevel); level += 1) at[level] ??= change.at;
    reached.set(key, { personId, skillArea, at });
  }
  const levelsAtWeekEnds: GroupSums['levelsAtWeekEnds'] = [];
  period.weeks.forEach((weekStart, index) => {
    const counts = new Map<number, number>();
    for (const level of highest[index]!.values()) counts.set(level, (counts.get(level) ?? 0) + 1);
    for (const [level, people] of counts) levelsAtWeekEnds.push({ weekStart, level, people });
  });
  const inPeriod = (at: Date | null | undefined): at is Date => !!at && at >= period.start && at < period.end;
  const entries = [...reached.values()];
  return {
    levelsAtWeekEnds,
    /** Person-areas whose first L1 falls in the period: their first session start is looked up for L0→L1. */
    firstLevelOnes: entries.filter((entry) => inPeriod(entry.at[1])),
    velocity(starts: Map<string, Date>): GroupSums['velocity'] {
      const spans: Record<Transition, number[]> = { l0ToL1: [], l1ToL2: [], l2ToL3: [] };
      for (const { personId, skillArea, at } of entries) {
        const start = starts.get(`${personId}|${skillArea}`);
        if (inPeriod(at[1]) && start && start <= at[1]) spans.l0ToL1.push(days(start, at[1]));
        if (inPeriod(at[2]) && at[1]) spans.l1ToL2.push(days(at[1], at[2]));
        if (inPeriod(at[3]) && at[2]) spans.l2ToL3.push(days(at[2], at[3]));
      }
      return (Object.keys(spans) as Transition[]).map((transition) => ({
        transition,
        count: spans[transition].length,
        medianDays:
          median(spans[transition]) === null ? null : Math.round(median(spans[transition])! * 10) / 10,
      }));
    },
  };
}
