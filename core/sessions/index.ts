export type {
  GenerationAttempt,
  OutputSource,
  SavedTimeDestination,
  Session,
  SessionFeedback,
  SessionPhase,
  SessionStatus,
  StepRecord,
} from './session';
export type { FeedbackInput, SessionAction, SessionActionType } from './session-action';
export type { ActionOutcome, EngineContext, SessionEffect, SessionEventDraft } from './outcome';
export { applySessionAction } from './apply-session-action';
export { openSession } from './open-session';
export { activeMinutes, addActiveTime, PAUSE_AFTER_MS } from './active-time';
export { assembleDeliverable, composePrompt, promptMessages } from './compose';
export { LOW_RATING_THRESHOLD, SAVED_TIME_DESTINATIONS } from './feedback';
export { describeSession, type CurrentStepView, type SessionView } from './session-view';
export { startSession, type StartSessionResult } from './start-session';
export { FIRST_CARD_JOB, NOT_IN_CHAT_MESSAGE, startSessionInChat } from './start-in-chat';
export { startTrialSession, type StartTrialResult } from './start-trial-session';
export { actOnSession, type ActOnSessionOptions, type ActResult } from './act-on-session';
export { runGeneration, type GenerationResult, type GenerationTextSink } from './run-generation';
export { GENERATION_JOB, SessionConflictError } from './persist-outcome';
export {
  abandonIdleSessions,
  purgeExpiredSessionContent,
  withoutContent,
  IDLE_ABANDON_DAYS,
} from './housekeep-sessions';
export { readDeliverable, type DeliverableDocument } from './read-deliverable';
export { readSession, type SessionSummary } from './read-session';
export { sessionAsSeenBy, type SessionAsSeen } from './session-as-seen-by';
export {
  deliverableParties,
  deliverableRole,
  managerVisibilityOf,
  type DeliverableParties,
  type DeliverableRole,
} from './deliverable-access';
export { editRatio, HEAVY_EDIT_RATIO } from './edit-ratio';
