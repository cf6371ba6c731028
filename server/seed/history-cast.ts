/** The demo workflows the history refers to, by title (checked against the published workflows at seed time). */
export const WORKFLOW = {
  varianceMemo: 'Monthly reconciliation variance memo',
  reforecast: 'Quarterly budget reforecast commentary',
  competitiveBrief: 'Competitive analysis brief',
  campaignReadout: 'Campaign performance readout',
  releaseNotes: 'Release notes for customers',
  interviewSynthesis: 'Customer interview synthesis',
  requirements: 'Product requirements one-pager from customer feedback',
  escalation: 'Support escalation summary',
} as const;

/** How a planned session ends: finished with feedback, given up mid-way, or left open near the end. */
export type PlannedOutcome = 'completed' | 'abandoned' | 'paused' | 'active';

/** Day offsets count from the start of the 90-day window; a range is drawn from, both ends included. */
export type DayRange = readonly [number, number];

export type CastRun = { workflow: string; days: DayRange; outcome?: PlannedOutcome };

/**
 * Someone who made a workflow a habit: a first run, a second 4–7 days later, a third 5–9 days after that
 * (so three runs in two or more weeks within 30 days), then one every `gapDays` until `lastDay`.
 */
export type CastRegular = { workflow: string; firstDays: DayRange; gapDays: DayRange; lastDay?: number };

export type CastMember = { email: string; regular?: CastRegular; runs?: readonly CastRun[] };

const at = (name: string) => `${name}@northwind.example`;

/**
 * Who used Practica in the 90 days before the demo, and how. The three authors (who each try their own
 * workflows first) come from DEMO_WORKFLOWS; everyone here picks workflows suited to their department.
 */
export const HISTORY_CAST: readonly CastMember[] = [
  // The core: ten people who now run one workflow as a habit.
  {
    email: at('jordan.ellis'),
    regular: { workflow: WORKFLOW.varianceMemo, firstDays: [12, 18], gapDays: [4, 8] },
    runs: [{ workflow: WORKFLOW.reforecast, days: [40, 60] }],
  },
  {
    email: at('aisha.khan'),
    regular: { workflow: WORKFLOW.varianceMemo, firstDays: [20, 30], gapDays: [4, 7] },
  },
  {
    email: at('marcus.webb'),
    regular: { workflow: WORKFLOW.varianceMemo, firstDays: [8, 14], gapDays: [4, 7], lastDay: 42 },
  },
  {
    email: at('rahul.mehta'),
    regular: { workflow: WORKFLOW.reforecast, firstDays: [25, 35], gapDays: [5, 9] },
  },
  {
    email: at('mei.tanaka'),
    regular: { workflow: WORKFLOW.competitiveBrief, firstDays: [15, 25], gapDays: [4, 9] },
    runs: [{ workflow: WORKFLOW.releaseNotes, days: [50, 70] }],
  },
  {
    email: at('noah.kowalski'),
    regular: { workflow: WORKFLOW.campaignReadout, firstDays: [10, 20], gapDays: [4, 8] },
  },
  {
    email: at('isabel.moreno'),
    regular: { workflow: WORKFLOW.campaignReadout, firstDays: [35, 45], gapDays: [4, 8] },
  },
  {
    email: at('ethan.brooks'),
    regular: { workflow: WORKFLOW.requirements, firstDays: [18, 28], gapDays: [4, 8] },
    runs: [{ workflow: WORKFLOW.competitiveBrief, days: [55, 75] }],
  },
  {
    email: at('fatima.elamrani'),
    regular: { workflow: WORKFLOW.interviewSynthesis, firstDays: [30, 42], gapDays: [5, 10] },
  },
  {
    email: at('sam.whitfield'),
    regular: { workflow: WORKFLOW.escalation, firstDays: [14, 22], gapDays: [3, 7] },
  },

  // Occasional users: one or two runs, when the work came up.
  { email: at('ravi.shankar'), runs: [{ workflow: WORKFLOW.competitiveBrief, days: [20, 50] }] },
  {
    email: at('hannah.fischer'),
    runs: [
      { workflow: WORKFLOW.campaignReadout, days: [25, 45] },
      { workflow: WORKFLOW.campaignReadout, days: [60, 80] },
    ],
  },
  {
    email: at('yuki.sato'),
    runs: [
      { workflow: WORKFLOW.interviewSynthesis, days: [30, 50] },
      { workflow: WORKFLOW.requirements, days: [62, 82] },
    ],
  },
  {
    email: at('zoe.nakamura'),
    runs: [
      { workflow: WORKFLOW.competitiveBrief, days: [35, 55] },
      { workflow: WORKFLOW.competitiveBrief, days: [65, 85] },
    ],
  },
  {
    email: at('diego.ramirez'),
    runs: [
      { workflow: WORKFLOW.escalation, days: [20, 40] },
      { workflow: WORKFLOW.releaseNotes, days: [50, 75] },
    ],
  },
  {
    email: at('ahmed.farouk'),
    runs: [
      { workflow: WORKFLOW.escalation, days: [28, 45] },
      { workflow: WORKFLOW.escalation, days: [55, 80] },
    ],
  },

  // Tried once, then gave up on a second try.
  {
    email: at('elena.petrova'),
    runs: [
      { workflow: WORKFLOW.varianceMemo, days: [30, 45] },
      { workflow: WORKFLOW.varianceMemo, days: [55, 70], outcome: 'abandoned' },
    ],
  },
  {
    email: at('lucy.adeyemi'),
    runs: [
      { workflow: WORKFLOW.releaseNotes, days: [25, 40] },
      { workflow: WORKFLOW.campaignReadout, days: [50, 70], outcome: 'abandoned' },
    ],
  },
  {
    email: at('leo.martin'),
    runs: [
      { workflow: WORKFLOW.interviewSynthesis, days: [35, 50] },
      { workflow: WORKFLOW.requirements, days: [60, 75], outcome: 'abandoned' },
    ],
  },
  {
    email: at('oliver.grant'),
    runs: [
      { workflow: WORKFLOW.competitiveBrief, days: [40, 55] },
      { workflow: WORKFLOW.competitiveBrief, days: [65, 80], outcome: 'abandoned' },
    ],
  },

  // Sessions still open at the end, so "continue where you left off" has something to show.
  {
    email: at('kwame.asante'),
    runs: [
      { workflow: WORKFLOW.varianceMemo, days: [45, 60] },
      { workflow: WORKFLOW.varianceMemo, days: [87, 89], outcome: 'paused' },
    ],
  },
  {
    email: at('lukas.becker'),
    runs: [
      { workflow: WORKFLOW.escalation, days: [40, 60] },
      { workflow: WORKFLOW.competitiveBrief, days: [88, 89], outcome: 'active' },
    ],
  },
];

/** The days in which authors try their own workflows, before colleagues pick them up. */
export const AUTHOR_TRIAL_DAYS: DayRange = [1, 9];

/** A regular's runs after the first three are sometimes given up part-way. */
export const REGULAR_ABANDON_CHANCE = 0.06;
