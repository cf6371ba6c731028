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
 * From the members' level history (which must come ordered by person, area, time): people by their highest level at each
 * week's end, and each person-area's first moment at L1, L2 and L3 for progression velocity. A change that
 * skips a level reaches both at once.
 */
export function levelFigures(changes: readonly LevelChangeRow[], period: MetricPeriod) {
  const ends = period.weekEnds.map((end) => end.getTime());
  // peopleAt[week][level]: people whose highest level at that week's end is `level`.
  const peopleAt = period.weeks.map(() => [0, 0, 0, 0, 0]);
  const highest = new Int8Array(ends.length);
  const countPerson = () => highest.forEach((level, week) => level >= 0 && (peopleAt[week]![level]! += 1));
  const reached: { personId: string; skillArea: string; at: (Date | null)[] }[] = [];
  // The rows come ordered by person, area and time: each run of one person-area is walked once.
  for (let runStart = 0; runStart < changes.length;) {
    const { personId, skillArea } = changes[runStart]!;
    if (runStart === 0 || changes[runStart - 1]!.personId !== personId) {
      if (runStart > 0) countPerson();
      highest.fill(-1);
    }
    let runEnd = runStart;
    while (
      runEnd < changes.length &&
      changes[runEnd]!.personId === personId &&
      changes[runEnd]!.skillArea === skillArea
    )
      runEnd += 1;
    let current = runStart - 1;
    ends.forEach((end, week) => {
      while (current + 1 < runEnd && changes[current + 1]!.at.getTime() < end) current += 1;
      if (current >= runStart) highest[week] = Math.max(highest[week]!, changes[current]!.toLevel);
    });
    const at: (Date | null)[] = [null, null, null, null];
    for (let index = runStart; index < runEnd; index += 1) {
      const change = changes[index]!;
      if (change.toLevel > change.fromLevel)
        for (let level = 1; level <= Math.min(3, change.toLevel); level += 1) at[level] ??= change.at;
    }
    reached.push({ personId, skillArea, at });
    runStart = runEnd;
  }
  if (changes.length > 0) countPerson();
  const levelsAtWeekEnds: GroupSums['levelsAtWeekEnds'] = period.weeks.flatMap((weekStart, week) =>
    peopleAt[week]!.flatMap((people, level) => (people > 0 ? [{ weekStart, level, people }] : [])),
  );
  const inPeriod = (at: Date | null | undefined): at is Date => !!at && at >= period.start && at < period.end;
  return {
    levelsAtWeekEnds,
    /** Person-areas whose first L1 falls in the period: their first session start is looked up for L0→L1. */
    firstLevelOnes: reached.filter((entry) => inPeriod(entry.at[1])),
    velocity(starts: Map<string, Date>): GroupSums['velocity'] {
      const spans: Record<Transition, number[]> = { l0ToL1: [], l1ToL2: [], l2ToL3: [] };
      for (const { personId, skillArea, at } of reached) {
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
