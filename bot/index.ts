export { inboundActivitySchema, describeActivityProblem, type InboundActivity } from './activity-schema';
export type { BotDependencies } from './bot-dependencies';
export { registerBot, cardActivity } from './register-bot';
export { deliverGeneration, type ConversationMessenger } from './proactive';
