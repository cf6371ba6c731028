import { LlmError, type LlmResponse } from '../../core/llm';

/**
 * Reads a chat-completions body without trusting its shape. Error messages never quote the answer.
 * A `content_filter` finish or a structured `refusal` is the provider refusing (`rejected`); a body without a
 * first choice or without text content is `malformed_response`.
 */
export function readCompletion(body: unknown, configuredModel: string): LlmResponse {
  const choices = isRecord(body) ? body['choices'] : undefined;
  const choice: unknown = Array.isArray(choices) ? choices[0] : undefined;
  if (!isRecord(body) || !isRecord(choice)) throw new LlmError('malformed_response', 'answer has no choices');
  if (choice['finish_reason'] === 'content_filter') {
    throw new LlmError('rejected', 'answer stopped by the content filter');
  }
  const message = choice['message'];
  const content = isRecord(message) ? message['content'] : undefined;
  if (typeof content === 'string' && content.trim() !== '') {
    const model = body['model'];
    return { text: content, model: typeof model === 'string' && model !== '' ? model : configuredModel };
  }
  if (isRecord(message) && typeof message['refusal'] === 'string' && message['refusal'] !== '') {
    throw new LlmError('rejected', 'the model refused');
  }
  throw new LlmError('malformed_response', 'answer has no text content');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
