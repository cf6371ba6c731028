export {
  describeLlmFailure,
  LlmError,
  type LlmClient,
  type LlmFailureKind,
  type LlmMessage,
  type LlmRequest,
  type LlmResponse,
  type LlmTextListener,
} from './llm-client';
