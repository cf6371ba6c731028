export type SessionStatus = 'active' | 'completed' | 'abandoned';

/** What happened in one step of a session; inputs and outputs may be confidential and are purged after retention. */
export type StepRecord = {
  stepId: string;
  inputs: Record<string, string>;
  output: string | null;
  attempts: number;
  startedAt: string | null;
  completedAt: string | null;
};

export type Session = {
  id: string;
  tenantId: string;
  personId: string;
  workflowId: string;
  workflowVersionId: string;
  status: SessionStatus;
  currentStepIndex: number;
  steps: StepRecord[];
  deliverable: string | null;
  /** Compare-and-set counter: every change names the version it read. */
  version: number;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  contentPurgedAt: Date | null;
};
