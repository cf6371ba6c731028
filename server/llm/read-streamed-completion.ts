import { LlmError, type LlmResponse, type LlmTextListener } from '../../core/llm';

/**
 * Adds up the chunks of a streamed chat completion (`stream: true`), handing each piece of text to `onText`
 * as it arrives, and judges the whole as `readCompletion` judges a plain answer: a `content_filter` finish or
 * a refusal without text is `rejected`; no text at all is `malformed_response`. Error messages never quote
 * the answer.
 */
export async function readStreamedCompletion(
  chunks: AsyncIterable<unknown>,
  configuredModel: string,
  onText: LlmTextListener,
): Promise<LlmResponse> {
  let text = '';
  let model: string | undefined;
  let finishReason: string | undefined;
  let refused = false;
  for await (const chunk of chunks) {
    if (!isRecord(chunk)) throw new LlmError('malformed_response', 'a stream chunk is not an object');
    if (model === undefined && typeof chunk['model'] === 'string' && chunk['model'] !== '')
      model = chunk['model'];
    const choices = chunk['choices'];
    const choice: unknown = Array.isArray(choices) ? choices[0] : undefined;
    // Chunks without a choice carry usage or Azure's prompt filter results.
    if (!isRecord(choice)) continue;
    const delta = choice['delta'];
    if (isRecord(delta)) {
      const content = delta['content'];
      if (typeof content === 'string' && content !== '') {
        text += content;
        onText(content);
      }
      if (typeof delta['refusal'] === 'string' && delta['refusal'] !== '') refused = true;
    }
    if (typeof choice['finish_reason'] === 'string') finishReason = choice['finish_reason'];
  }
  if (finishReason === 'content_filter')
    throw new LlmError('rejected', 'answer stopped by the content filter');
  if (text.trim() !== '') return { text, model: model ?? configuredModel };
  if (refused) throw new LlmError('rejected', 'the model refused');
  throw new LlmError('malformed_response', 'answer has no text content');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
