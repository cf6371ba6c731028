export { inboundActivitySchema, describeActivityProblem, type InboundActivity } from './activity-schema';
export type { BotDependencies } from './bot-dependencies';
export { registerBot, cardActivity } from './register-bot';
export {
  ANSWER_FAILED_NOTE,
  ANSWER_NOT_NEEDED_NOTE,
  deliverGeneration,
  type ConversationMessenger,
} from './proactive';
export { AnswerStream, type AnswerStreamOptions, type StreamPart } from './answer-stream';
export { ANSWER_INFORMATIVE_TEXT, chatAnswerSink, type ChatAnswerSink } from './chat-answer-sink';
export { nudgeCard, reviewNoticeCard, sessionCard, shareNoticeCard, type ReviewNotice } from './cards';
export { captureSummaryMessage } from './conversation/capture-summary';
