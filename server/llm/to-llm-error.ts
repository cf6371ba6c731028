import { LlmError } from '../../core/llm';
import type { OpenAiErrorClasses } from './openai-sdk';

/** Maps what the openai SDK threw (after its own retries) to the port's failure kinds, keeping the cause. */
export function toLlmError(error: unknown, sdk: OpenAiErrorClasses): LlmError {
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk;
  if (error instanceof LlmError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError('timeout', 'request timed out', { cause: error });
  }
  if (error instanceof APIUserAbortError) return new LlmError('timeout', 'aborted', { cause: error });
  if (error instanceof APIConnectionError) {
    return new LlmError('unavailable', 'could not reach the model', { cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) return fromStatus(error.status, error);
  // By name: `response.json()` may throw a SyntaxError from another realm (undici's, or jest's sandbox).
  if (typeof error === 'object' && error !== null && 'name' in error && error.name === 'SyntaxError') {
    return new LlmError('malformed_response', 'answer is not JSON', { cause: error });
  }
  return new LlmError('unavailable', 'model call failed', { cause: error });
}

function fromStatus(status: number, cause: unknown): LlmError {
  if (status === 429) return new LlmError('rate_limited', `HTTP ${status}`, { cause });
  if (status === 401 || status === 403) return new LlmError('unauthorized', `HTTP ${status}`, { cause });
  if (status === 408) return new LlmError('timeout', `HTTP ${status}`, { cause });
  if (status >= 500) return new LlmError('unavailable', `HTTP ${status}`, { cause });
  return new LlmError('rejected', `HTTP ${status}`, { cause });
}
