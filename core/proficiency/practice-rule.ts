import { DAY_MS } from '../ports';
import type { LevelThresholds } from './level-thresholds';
import type { PracticeRun } from './proficiency-facts';
import { weekKey } from './week-key';

/** The score that counts for a run: a reviewer's before the employee's own. */
export const scoreOf = (run: PracticeRun): number | null => run.review?.meanScore ?? run.selfScore;

export const meetsBar = (run: PracticeRun, thresholds: LevelThresholds): boolean => {
  const score = scoreOf(run);
  return score !== null && score >= thresholds.qualityBar;
};

/** Where one workflow stands against the L2 rule, over the latest window of runs. */
export type PracticeProgress = {
  workflowId: string;
  workflowTitle: string;
  runs: PracticeRun[];
  distinctWeeks: number;
  meetsBarCount: number;
  timeLogged: boolean;
};

/** The first window in which a workflow's runs satisfied the L2 rule, if any. */
export type PracticeAchievement = { workflowId: string; runs: PracticeRun[]; reachedAt: Date };

function byTime(runs: PracticeRun[]): PracticeRun[] {
  return [...runs].sort(
    (a, b) => a.completedAt.getTime() - b.completedAt.getTime() || a.sessionId.localeCompare(b.sessionId),
  );
}

function groupByWorkflow(runs: PracticeRun[]): Map<string, PracticeRun[]> {
  const groups = new Map<string, PracticeRun[]>();
  for (const run of runs) groups.set(run.workflowId, [...(groups.get(run.workflowId) ?? []), run]);
  return groups;
}

function windowEndingAt(sorted: PracticeRun[], endIndex: number, thresholds: LevelThresholds): PracticeRun[] {
  const end = sorted[endIndex]!.completedAt.getTime();
  const start = end - thresholds.practiceWindowDays * DAY_MS;
  return sorted.slice(0, endIndex + 1).filter((run) => run.completedAt.getTime() > start);
}

function progressOf(
  runs: PracticeRun[],
  thresholds: LevelThresholds,
): Omit<PracticeProgress, 'workflowId' | 'workflowTitle'> {
  return {
    runs,
    distinctWeeks: new Set(runs.map((run) => weekKey(run.completedAt, thresholds.timeZone))).size,
    meetsBarCount: runs.filter((run) => meetsBar(run, thresholds)).length,
    timeLogged: runs.some((run) => run.minutesLogged),
  };
}

function satisfies(progress: ReturnType<typeof progressOf>, thresholds: LevelThresholds): boolean {
  return (
    progress.runs.length >= thresholds.practiceRuns &&
    progress.distinctWeeks >= thresholds.practiceDistinctWeeks &&
    progress.meetsBarCount >= 1 &&
    progress.timeLogged
  );
}

/**
 * L2: one workflow completed at least `practiceRuns` times across `practiceDistinctWeeks` weeks within
 * `practiceWindowDays` days, with a deliverable meeting the rubric bar and time logged. Every version of a
 * workflow counts as the same workflow (a retired version's runs still happened).
 */
export function practiceAchievements(
  runs: PracticeRun[],
  thresholds: LevelThresholds,
): PracticeAchievement[] {
  const achievements: PracticeAchievement[] = [];
  for (const [workflowId, group] of groupByWorkflow(runs)) {
    const sorted = byTime(group);
    for (let index = 0; index < sorted.length; index++) {
      const window = windowEndingAt(sorted, index, thresholds);
      if (satisfies(progressOf(window, thresholds), thresholds)) {
        achievements.push({ workflowId, runs: window, reachedAt: sorted[index]!.completedAt });
        break;
      }
    }
  }
  return achievements.sort((a, b) => a.reachedAt.getTime() - b.reachedAt.getTime());
}

/** Each workflow's standing over the window that ends now, for "what's next". */
export function practiceProgress(
  runs: PracticeRun[],
  thresholds: LevelThresholds,
  now: Date,
): PracticeProgress[] {
  const from = now.getTime() - thresholds.practiceWindowDays * DAY_MS;
  return [...groupByWorkflow(runs)].map(([workflowId, group]) => {
    const recent = byTime(group).filter((run) => run.completedAt.getTime() > from);
    return {
      workflowId,
      workflowTitle: group[group.length - 1]!.workflowTitle,
      ...progressOf(recent, thresholds),
    };
  });
}
