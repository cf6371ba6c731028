export type SessionStatus = 'active' | 'paused' | 'completed' | 'abandoned';
/** Where an active session is: working through the steps, or giving feedback on the deliverable. */
export type SessionPhase = 'steps' | 'feedback' | 'done';

export type OutputSource = 'llm' | 'byo' | 'edited';

/** One run of a generate step's prompt: on the model (a job) or in the employee's own AI tool. */
export type GenerationAttempt = {
  id: string;
  mode: 'llm' | 'byo';
  note: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  text: string | null;
  error: string | null;
  requestedAt: string;
  completedAt: string | null;
  /** The chat message showing progress, so the job can update it in place. */
  replyMessageId: string | null;
};

/** What happened in one step. Inputs and outputs may be confidential: purged after the tenant's retention period. */
export type StepRecord = {
  stepId: string;
  inputs: Record<string, string>;
  attempts: GenerationAttempt[];
  output: string | null;
  outputSource: OutputSource | null;
  verification: { checked: string[]; corrections: string } | null;
  startedAt: string | null;
  completedAt: string | null;
};

export type SavedTimeDestination = 'deeper-analysis' | 'customers' | 'colleagues' | 'learning' | 'other';

export type SessionFeedback = {
  ratings: Record<string, number>;
  meanRating: number;
  minutesTaken: number;
  manualMinutes: number;
  savedTimeGoesTo: SavedTimeDestination | null;
  whatBroke: { stepId: string | null; text: string } | null;
  wouldReuse: boolean | null;
  sharedForReview: boolean;
  givenAt: string;
};

export type Session = {
  id: string;
  tenantId: string;
  personId: string;
  workflowId: string;
  workflowVersionId: string;
  /**
   * The author trying their own draft: private, so its events are never stored (no metrics, levels, xAPI
   * statements or nudges follow from it) and it is never shared for review or counted as usage.
   */
  trial: boolean;
  status: SessionStatus;
  phase: SessionPhase;
  currentStepIndex: number;
  steps: StepRecord[];
  deliverable: string | null;
  feedback: SessionFeedback | null;
  /** Active time: the sum of gaps between the employee's actions, where a gap over 10 minutes counts as a pause. */
  activeMs: number;
  lastActivityAt: Date;
  /** Compare-and-set counter: every change names the version it read. */
  version: number;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  contentPurgedAt: Date | null;
};
