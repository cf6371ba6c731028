import type { SavedTimeKey } from './definitions';
import type { Transition } from './metrics-repository';

export type LevelDistribution = { L0: number; L1: number; L2: number; L3: number; L4: number };

export type WeekFigures = {
  weekStart: string;
  sessionsStarted: number;
  sessionsCompleted: number;
  sessionsMeetingBar: number;
  meanScore: number | null;
  minutesSaved: number;
  reuseSessions: number;
  /** Active people at L2 or more in some skill area at the week's end, and their share. */
  peopleAtL2OrMore: number;
  adoptionShare: number | null;
  levels: LevelDistribution;
};

/** The five metrics of DESIGN section 6 for one group over one period, with a weekly trend. */
export type MetricFigures = {
  activePeople: number;
  adoption: { peopleAtL2OrMore: number; share: number | null };
  quality: {
    completedSessions: number;
    scoredSessions: number;
    sessionsMeetingBar: number;
    /** Of completed sessions (an unscored one does not meet the bar). */
    shareMeetingBar: number | null;
    meanScore: number | null;
    qualityBar: number;
    reviewerScored: {
      sessions: number;
      /** Reviewed sessions as a share of completed ones. */
      shareOfCompleted: number | null;
      sessionsMeetingBar: number;
      shareMeetingBar: number | null;
      meanScore: number | null;
    };
  };
  timeReallocation: {
    minutesSaved: number;
    peopleWithSessions: number;
    medianMinutesSavedPerPerson: number | null;
    byDestination: Record<SavedTimeKey, number>;
  };
  knowledgeSharing: { authorsReused: number; workflowsWithThreeAdopters: number; reuseSessions: number };
  progression: {
    medianDays: Record<Transition, number | null>;
    transitions: Record<Transition, number>;
    /** People by their highest level in any skill area at the end of the period. */
    levels: LevelDistribution;
  };
  trend: WeekFigures[];
};
