export { inboundActivitySchema, describeActivityProblem, type InboundActivity } from './activity-schema';
export { registerBot, type BotDependencies } from './register-bot';
