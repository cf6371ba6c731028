import type { MetricFigures } from '../../api/metrics';
import { formatDays, formatMinutes, formatShare } from '../../format/numbers';

export type MetricCardContent = { title: string; figure: string; lines: string[] };

/** The five metrics (DESIGN section 6) as headline figures with the numbers behind them. */
export function metricCards(figures: MetricFigures): MetricCardContent[] {
  const { adoption, quality, timeReallocation, knowledgeSharing, progression } = figures;
  return [
    {
      title: 'Workflow adoption',
      figure: formatShare(adoption.share),
      lines: [`${adoption.peopleAtL2OrMore} of ${figures.activePeople} active people at L2 or above`],
    },
    {
      title: 'Output quality',
      figure: formatShare(quality.shareMeetingBar),
      lines: [
        `${quality.sessionsMeetingBar} of ${quality.scoredSessions} rated deliverables met the bar (${quality.qualityBar} of 5)`,
        `mean ${quality.meanScore?.toFixed(1) ?? '—'} of 5`,
        `reviewer-scored: ${quality.reviewerScored.sessions} (${formatShare(quality.reviewerScored.shareMeetingBar)} met the bar)`,
      ],
    },
    {
      title: 'Time reallocation',
      figure: formatMinutes(timeReallocation.minutesSaved),
      lines: [
        `saved by ${timeReallocation.peopleWithSessions} people`,
        `median ${timeReallocation.medianMinutesSavedPerPerson === null ? '—' : formatMinutes(timeReallocation.medianMinutesSavedPerPerson)} per person`,
      ],
    },
    {
      title: 'Knowledge sharing',
      figure: String(knowledgeSharing.reuseSessions),
      lines: [
        'sessions on a colleague’s workflow',
        `${knowledgeSharing.authorsReused} authors reused by colleagues`,
        `${knowledgeSharing.workflowsWithThreeAdopters} workflows with 3 or more adopters`,
      ],
    },
    {
      title: 'Progression velocity',
      figure: formatDays(progression.medianDays.l1ToL2),
      lines: [
        'median L1 → L2',
        `L0 → L1 ${formatDays(progression.medianDays.l0ToL1)} (${progression.transitions.l0ToL1} people)`,
        `L2 → L3 ${formatDays(progression.medianDays.l2ToL3)} (${progression.transitions.l2ToL3} people)`,
      ],
    },
  ];
}
