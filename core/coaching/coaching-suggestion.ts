/** One next step a manager could take with one report, always drawn from data (never generic advice). */
export type CoachingSuggestion =
  | {
      kind: 'try_workflow';
      workflowId: string;
      workflowTitle: string;
      authorName: string;
      /** Colleagues in the report's department who completed it in the last POPULAR_WEEKS weeks. */
      departmentAdopters: number;
      text: string;
    }
  | {
      kind: 'review_deliverable';
      sessionId: string;
      workflowTitle: string;
      sharedAt: Date | null;
      text: string;
    }
  | {
      kind: 'lapse_coming';
      skillArea: string;
      skillAreaName: string;
      level: number;
      /** The first day (tenant time zone) on which the level drops a step unless the area becomes active. */
      lapsesOn: string;
      text: string;
    }
  | {
      kind: 'colleague_can_show';
      workflowId: string;
      workflowTitle: string;
      colleagueId: string;
      colleagueName: string;
      /** 'author': wrote the workflow; 'teammate': another of the manager's reports who practises it. */
      because: 'author' | 'teammate';
      text: string;
    };

export type ReportCoaching = {
  person: { id: string; displayName: string; jobTitle: string | null };
  suggestions: CoachingSuggestion[];
};

/** How far back "popular in the department" looks, and how far ahead a coming lapse is announced. */
export const POPULAR_WEEKS = 8;
export const LAPSE_WARNING_DAYS = 14;
/** A workflow is suggested when at least this many colleagues in the department completed it recently. */
export const POPULAR_MIN_ADOPTERS = 2;
/** A teammate "practises" a workflow after this many completions (the L2 rule's default run count). */
export const PRACTISED_RUNS = 3;
