import type { LevelDistribution, MetricFigures, WeekFigures } from './figures';
import type { GroupSums, Transition, WeekSums } from './metrics-repository';
import type { MetricPeriod } from './period';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const mean = (sum: number, count: number) => (count > 0 ? sum / count : null);

const emptyWeek = (weekStart: string): WeekSums => ({
  weekStart,
  sessionsStarted: 0,
  sessionsCompleted: 0,
  sessionsScored: 0,
  sessionsMeetingBar: 0,
  scoreSum: 0,
  reviewedSessions: 0,
  reviewedMeetingBar: 0,
  reviewerScoreSum: 0,
  manualMinutes: 0,
  actualMinutes: 0,
  reuseSessions: 0,
});

function distribution(members: number, levels: { level: number; people: number }[]): LevelDistribution {
  const result: LevelDistribution = { L0: 0, L1: 0, L2: 0, L3: 0, L4: 0 };
  for (const { level, people } of levels) {
    if (level < 1) continue;
    result[`L${Math.min(4, level)}` as keyof LevelDistribution] += people;
  }
  result.L0 = Math.max(0, members - result.L1 - result.L2 - result.L3 - result.L4);
  return result;
}

/** The five metrics from a group's sums: shares, means and the weekly trend (missing weeks are zeros). */
export function computeFigures(sums: GroupSums, period: MetricPeriod, qualityBar: number): MetricFigures {
  const byWeek = new Map(sums.weeks.map((week) => [week.weekStart, week]));
  const trend: WeekFigures[] = period.weeks.map((weekStart) => {
    const week = byWeek.get(weekStart) ?? emptyWeek(weekStart);
    const levels = distribution(
      sums.members,
      sums.levelsAtWeekEnds.filter((row) => row.weekStart === weekStart),
    );
    const atL2 = levels.L2 + levels.L3 + levels.L4;
    return {
      weekStart,
      sessionsStarted: week.sessionsStarted,
      sessionsCompleted: week.sessionsCompleted,
      sessionsMeetingBar: week.sessionsMeetingBar,
      meanScore: mean(week.scoreSum, week.sessionsScored),
      minutesSaved: week.manualMinutes - week.actualMinutes,
      reuseSessions: week.reuseSessions,
      peopleAtL2OrMore: atL2,
      adoptionShare: share(atL2, sums.members),
      levels,
    };
  });
  const total = period.weeks.reduce((sum, weekStart) => {
    const week = byWeek.get(weekStart);
    if (!week) return sum;
    const added = { ...sum };
    for (const key of Object.keys(sum) as (keyof WeekSums)[])
      if (key !== 'weekStart') (added[key] as number) = (sum[key] as number) + (week[key] as number);
    return added;
  }, emptyWeek(''));
  const last = trend.at(-1)!;
  const velocity = (transition: Transition) => sums.velocity.find((row) => row.transition === transition);
  return {
    activePeople: sums.members,
    adoption: { peopleAtL2OrMore: last.peopleAtL2OrMore, share: last.adoptionShare },
    quality: {
      completedSessions: total.sessionsCompleted,
      scoredSessions: total.sessionsScored,
      sessionsMeetingBar: total.sessionsMeetingBar,
      shareMeetingBar: share(total.sessionsMeetingBar, total.sessionsCompleted),
      meanScore: mean(total.scoreSum, total.sessionsScored),
      qualityBar,
      reviewerScored: {
        sessions: total.reviewedSessions,
        shareOfCompleted: share(total.reviewedSessions, total.sessionsCompleted),
        sessionsMeetingBar: total.reviewedMeetingBar,
        shareMeetingBar: share(total.reviewedMeetingBar, total.reviewedSessions),
        meanScore: mean(total.reviewerScoreSum, total.reviewedSessions),
      },
    },
    timeReallocation: {
      minutesSaved: total.manualMinutes - total.actualMinutes,
      peopleWithSessions: sums.peopleWithSessions,
      medianMinutesSavedPerPerson: sums.medianMinutesSavedPerPerson,
      byDestination: sums.savedByDestination,
    },
    knowledgeSharing: {
      authorsReused: sums.authorsReused,
      workflowsWithThreeAdopters: sums.workflowsWithThreeAdopters,
      reuseSessions: total.reuseSessions,
    },
    progression: {
      medianDays: {
        l0ToL1: velocity('l0ToL1')?.medianDays ?? null,
        l1ToL2: velocity('l1ToL2')?.medianDays ?? null,
        l2ToL3: velocity('l2ToL3')?.medianDays ?? null,
      },
      transitions: {
        l0ToL1: velocity('l0ToL1')?.count ?? 0,
        l1ToL2: velocity('l1ToL2')?.count ?? 0,
        l2ToL3: velocity('l2ToL3')?.count ?? 0,
      },
      levels: last.levels,
    },
    trend,
  };
}
