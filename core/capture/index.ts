export * from './interview';
export { buildTemplateDraft, identifierFrom } from './template-draft';
export { byoImprovementPrompt, llmDraftPrompt, parseDraftReply } from './draft-prompts';
export type { CaptureInterviewRepository } from './capture-repository';
export { chooseDraft } from './choose-draft';
export { partialDraft } from './partial-draft';
export {
  abandonCapture,
  answerCapture,
  CAPTURE_DRAFT_JOB,
  DRAFTING_PATIENCE_MS,
  startOrResumeCapture,
} from './capture-workflow';
export { draftCaptureWithModel, type CaptureDraftResult } from './draft-with-model';
