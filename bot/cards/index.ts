export { CARD_VERB } from './card-kit';
export { parseCardSubmission, type CardCommand, type CardInputs } from './card-command';
export { homeCard, type HomeCardModel } from './home-card';
export { skillAreasCard, socialProof, workflowEntry, workflowListCard } from './workflow-list';
export { sessionCard } from './step-cards';
export { deliverableMessage, LONG_DELIVERABLE_CHARS, longDeliverableCard } from './deliverable-message';
export { noticeCard } from './notice-card';
export { answeredBelowCard, streamedAnswerCard } from './streamed-answer-cards';
export { reviewNoticeCard, shareNoticeCard, type ReviewNotice } from './review-notice-cards';
export {
  acceptsFile,
  captureDraftingCard,
  captureQuestionCard,
  captureSummaryCard,
  trialRefusedCard,
  type CaptureSummaryModel,
} from './capture-cards';
export { nudgeCard, nudgeOptOutLine } from './nudge-cards';
export { nudgeSettingsCard, type NudgeSettingsModel } from './nudge-settings-card';
