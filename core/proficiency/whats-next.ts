import { levelLabel, type Level } from './level';
import type { LevelThresholds } from './level-thresholds';
import { practiceProgress, type PracticeProgress } from './practice-rule';
import type { AdoptionFact, ProficiencyFacts } from './proficiency-facts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The workflow closest to the L2 rule: most runs in the window, then most weeks, then the latest. */
function closest(progress: PracticeProgress[]): PracticeProgress | null {
  return (
    [...progress].sort(
      (a, b) =>
        b.runs.length - a.runs.length ||
        b.distinctWeeks - a.distinctWeeks ||
        (b.runs.at(-1)?.completedAt.getTime() ?? 0) - (a.runs.at(-1)?.completedAt.getTime() ?? 0),
    )[0] ?? null
  );
}

function towardsPractice(facts: ProficiencyFacts, thresholds: LevelThresholds, now: Date): string {
  const best = closest(
    practiceProgress(facts.runs, thresholds, now).filter((entry) => entry.runs.length > 0),
  );
  if (!best)
    return (
      `Run one workflow ${plural(thresholds.practiceRuns, 'time')} within ${thresholds.practiceWindowDays} days, ` +
      `in ${plural(thresholds.practiceDistinctWeeks, 'different week')}.`
    );
  const missingRuns = Math.max(0, thresholds.practiceRuns - best.runs.length);
  const missingWeeks = Math.max(0, thresholds.practiceDistinctWeeks - best.distinctWeeks);
  const needs: string[] = [];
  if (missingRuns > 0)
    needs.push(
      `${missingRuns} more ${missingRuns === 1 ? 'run' : 'runs'} of ${best.workflowTitle}` +
        (missingWeeks > 0 ? ` in a different week` : ''),
    );
  else if (missingWeeks > 0) needs.push(`1 more run of ${best.workflowTitle} in a different week`);
  if (best.meetsBarCount === 0)
    needs.push(`a deliverable rated ${thresholds.qualityBar} or more (a reviewer's score counts first)`);
  if (!best.timeLogged) needs.push('the minutes it took logged in your feedback');
  if (needs.length === 0)
    return `1 more run of ${best.workflowTitle} within ${thresholds.practiceWindowDays} days.`;
  return `${needs.join(', and ')}.`.replace(/^./, (first) => first.toUpperCase());
}

function towardsMultiplying(adoption: AdoptionFact[], thresholds: LevelThresholds): string {
  const target = thresholds.multiplierColleagues;
  if (adoption.length === 0)
    return `Share a workflow you author: when ${plural(target, 'colleague')} reach L2 with it, you reach L3.`;
  const missing = target - adoption.length;
  return `${plural(missing, 'more colleague')} reaching L2 with ${adoption[0]!.workflowTitle} (${adoption.length} so far).`;
}

/** One plain-language step towards the next level. */
export function whatsNext(options: {
  facts: ProficiencyFacts;
  level: Level;
  lapsed: boolean;
  adoption: AdoptionFact[];
  thresholds: LevelThresholds;
  now: Date;
}): string | null {
  const { facts, level, lapsed, adoption, thresholds, now } = options;
  if (lapsed)
    return `Complete a session in this area to get ${levelLabel((level + 1) as Level)} back (none in ${thresholds.lapseDays} days).`;
  switch (level) {
    case 0:
      return 'Complete one guided session in this area, or have a course certificate for it imported.';
    case 1:
      return towardsPractice(facts, thresholds, now);
    case 2:
      return towardsMultiplying(adoption, thresholds);
    case 3:
      return 'Ask your manager to confirm a team process you redesigned around AI.';
    case 4:
      return null;
  }
}
