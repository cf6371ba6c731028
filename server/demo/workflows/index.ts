import { budgetReforecastCommentary } from './budget-reforecast-commentary';
import { campaignReadout } from './campaign-readout';
import { competitiveBrief } from './competitive-brief';
import type { DemoWorkflow } from './demo-workflow';
import { interviewSynthesis } from './interview-synthesis';
import { releaseNotes } from './release-notes';
import { requirementsOnePager } from './requirements-one-pager';
import { supportEscalationSummary } from './support-escalation-summary';
import { varianceMemo } from './variance-memo';

export type { DemoWorkflow } from './demo-workflow';

/** The demo tenant's published workflows, by its three authors (Finance, Marketing, Product). */
export const DEMO_WORKFLOWS: DemoWorkflow[] = [
  varianceMemo,
  budgetReforecastCommentary,
  competitiveBrief,
  campaignReadout,
  releaseNotes,
  interviewSynthesis,
  requirementsOnePager,
  supportEscalationSummary,
];
