import { scoreOf, type PracticeRun } from '../proficiency';

/** What a credential says about one workflow the holder practised: counts and scores only, never content. */
export type PracticeEvidence = {
  workflowTitle: string;
  runs: number;
  firstRunAt: Date;
  lastRunAt: Date;
  reviewedRuns: number;
  /** The mean of reviewers' scores (out of 5); null when no run was reviewed. */
  meanReviewedScore: number | null;
  /** The mean of the scores that count for each scored run (a reviewer's before a self-rating). */
  meanScore: number | null;
};

const mean = (values: number[]) =>
  values.length === 0
    ? null
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/** The holder's completed runs in one skill area, per workflow, most practised first. */
export function practiceEvidence(runs: PracticeRun[]): PracticeEvidence[] {
  const byWorkflow = new Map<string, PracticeRun[]>();
  for (const run of runs) byWorkflow.set(run.workflowId, [...(byWorkflow.get(run.workflowId) ?? []), run]);
  return [...byWorkflow.values()]
    .map((group) => {
      const times = group.map((run) => run.completedAt.getTime());
      const reviews = group.flatMap((run) => (run.review ? [run.review.meanScore] : []));
      const latest = group.reduce((a, b) => (b.completedAt > a.completedAt ? b : a));
      return {
        workflowTitle: latest.workflowTitle,
        runs: group.length,
        firstRunAt: new Date(Math.min(...times)),
        lastRunAt: new Date(Math.max(...times)),
        reviewedRuns: reviews.length,
        meanReviewedScore: mean(reviews),
        meanScore: mean(group.flatMap((run) => (scoreOf(run) === null ? [] : [scoreOf(run)!]))),
      };
    })
    .sort((a, b) => b.runs - a.runs || a.workflowTitle.localeCompare(b.workflowTitle));
}
