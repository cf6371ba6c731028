/** The level rules' numbers (DESIGN section 5); a tenant may change them. */
export type LevelThresholds = {
  /** L2: runs of one workflow... */
  practiceRuns: number;
  /** ...in at least this many distinct weeks... */
  practiceDistinctWeeks: number;
  /** ...all within this many days. */
  practiceWindowDays: number;
  /** The rubric bar a deliverable must meet (mean score out of 5). */
  qualityBar: number;
  /** L3: colleagues brought to L2 by a workflow the person authored. */
  multiplierColleagues: number;
  /** A level of L2 or more drops one step after this many days without a completed session in the area. */
  lapseDays: number;
  /** Weeks start on Monday in this IANA time zone (the tenant's). */
  timeZone: string;
};

export const DEFAULT_LEVEL_THRESHOLDS: LevelThresholds = {
  practiceRuns: 3,
  practiceDistinctWeeks: 2,
  practiceWindowDays: 30,
  qualityBar: 3.5,
  multiplierColleagues: 3,
  lapseDays: 60,
  timeZone: 'UTC',
};
