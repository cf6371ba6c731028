/** What a nudge says, worked out when it is sent; bot/cards renders it. */
export type NudgeMessage =
  | {
      kind: 'low_rating_follow_up';
      workflowId: string;
      workflowTitle: string;
      /** The step the person said broke, when they named one. */
      brokenStep: string | null;
      /** The author's tips, for the broken step first. */
      tips: { stepTitle: string; tip: string }[];
      /** How colleagues' runs of this workflow went: completions by others and their mean self-rating. */
      colleagues: { completions: number; meanRating: number | null };
    }
  | { kind: 'toward_l2'; workflowId: string; workflowTitle: string; runs: number }
  | { kind: 'author_reuse'; workflowId: string; workflowTitle: string; reusesThisWeek: number }
  | {
      kind: 'lapse_warning';
      skillAreaName: string;
      level: number;
      lapsesOn: string;
      /** The person's most recent workflow in that area, to run again. */
      workflow: { id: string; title: string } | null;
    }
  | {
      kind: 'manager_digest';
      reports: number;
      /** Reports who completed a workflow in the last 7 days. */
      activeReports: number;
      /** Deliverables shared with the manager that they have not reviewed. */
      awaitingReview: number;
      /** One coaching suggestion per report that has one (core/coaching). */
      suggestions: { reportName: string; text: string }[];
    }
  | {
      kind: 'social_proof';
      department: string;
      /** Workflows colleagues in the department rated highly in the last 7 days, most people first. */
      workflows: {
        workflowId: string;
        workflowTitle: string;
        /** How many colleagues, and the hours each saved on average: null below the minimum group size. */
        people: number | null;
        hoursSavedEach: number | null;
      }[];
    }
  | {
      kind: 'author_summary';
      /** The author's published workflows someone ran in the last 7 days, most completed first. */
      workflows: {
        workflowId: string;
        workflowTitle: string;
        started: number;
        completed: number;
        colleaguesCompleted: number;
        /** Mean score (a reviewer's, else the self-rating), null when withheld or nobody rated it. */
        meanScore: number | null;
        /** Scores and notes are withheld: fewer than the minimum group ran it. */
        withheld: boolean;
        /** Steps named in "what broke", with the notes (null when withheld); then notes naming no step. */
        whatBroke: { stepTitle: string | null; count: number; notes: string[] | null }[];
      }[];
    };
