import type { SavedTimeDestination } from './session';

export type FeedbackInput = {
  ratings: Record<string, number>;
  minutesTaken?: number;
  manualMinutes?: number;
  savedTimeGoesTo?: SavedTimeDestination | null;
  whatBroke?: { stepId: string | null; text: string } | null;
  wouldReuse?: boolean | null;
  shareForReview?: boolean;
};

/** Everything that can happen to a session. Employee actions count towards active time; job results do not. */
export type SessionAction =
  | { type: 'submit_inputs'; inputs: Record<string, string> }
  /** Sets one answer of the current input step without moving on (the text of an attached file). */
  | { type: 'fill_input'; name: string; text: string }
  | { type: 'request_generation'; note?: string | null }
  | { type: 'provide_output'; text: string }
  | { type: 'accept_output' }
  | { type: 'edit_output'; text: string }
  | { type: 'complete_verification'; checked: string[]; corrections: string }
  | { type: 'back' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'abandon'; reason?: 'employee' | 'idle' }
  | { type: 'submit_feedback'; feedback: FeedbackInput }
  | { type: 'generation_succeeded'; attemptId: string; text: string }
  | { type: 'generation_failed'; attemptId: string; reason: string }
  | { type: 'switch_to_byo' };

export type SessionActionType = SessionAction['type'];

export const SYSTEM_ACTIONS: ReadonlySet<SessionActionType> = new Set([
  'generation_succeeded',
  'generation_failed',
]);
