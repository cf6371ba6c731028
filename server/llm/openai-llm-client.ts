import { OpenAI } from 'openai';
import { LlmError, type LlmClient, type LlmRequest, type LlmResponse } from '../../core/llm';
import { readCompletion } from './read-completion';
import { retryWithinBudget } from './retry-within-budget';
import { toLlmError } from './to-llm-error';

export type OpenAiLlmClientOptions = {
  /**
   * Any OpenAI-compatible chat-completions base URL: https://api.openai.com/v1 (the default),
   * https://{resource}.openai.azure.com/openai/v1/, http://localhost:11434/v1 (Ollama), a vLLM server.
   */
  baseUrl?: string;
  /** Absent for local servers that need none; the SDK insists on one, so a placeholder is sent then. */
  apiKey?: string;
  model: string;
  /** Budget for one `complete` call, the SDK's retries and their waits included. Default 60 s. */
  timeoutMs?: number;
  /** Retries the SDK makes on 408, 409, 429, 5xx and connection failures. Default 2. */
  maxRetries?: number;
  fetch?: typeof fetch;
};

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const NO_API_KEY = 'not-needed';

/**
 * The OpenAI-compatible adapter of the `LlmClient` port. It logs nothing (the SDK's logger is off whatever
 * OPENAI_LOG says) and reads no OPENAI_* environment variable for where to connect or as whom.
 *
 * Retries are the SDK's own; a wait the server asks for that would not fit in `timeoutMs` is not taken, so
 * `complete` settles within `timeoutMs`. Aborting `request.signal` rejects at once with an `LlmError` of kind
 * `timeout` and message `aborted` (the caller gave up waiting; callers that aborted on purpose know why).
 */
/** Long enough for a slow model (DESIGN: one taking 60 s must not time out); answers arrive through a job anyway. */
export const DEFAULT_LLM_TIMEOUT_MS = 180_000;

export function createOpenAiLlmClient(options: OpenAiLlmClientOptions): LlmClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? 2;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError('timeoutMs must be a positive integer');
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError('maxRetries must be a whole number, 0 or more');
  }
  const getFetch = (): typeof fetch => options.fetch ?? globalThis.fetch;

  return {
    async complete(request: LlmRequest): Promise<LlmResponse> {
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
      const client = new OpenAI({
        baseURL: options.baseUrl ?? DEFAULT_BASE_URL,
        apiKey: options.apiKey || NO_API_KEY,
        adminAPIKey: null,
        organization: null,
        project: null,
        timeout: timeoutMs,
        maxRetries,
        fetch: retryWithinBudget(getFetch, Date.now() + timeoutMs),
        logLevel: 'off',
      });
      const completion = client.chat.completions.create(
        {
          model: options.model,
          messages: request.messages.map(({ role, content }) => ({ role, content })),
          ...(request.maxOutputTokens === undefined ? {} : { max_tokens: request.maxOutputTokens }),
        },
        { signal },
      );
      try {
        const body: unknown = await settleBy(signal, completion);
        return readCompletion(body, options.model);
      } catch (error) {
        if (request.signal?.aborted) throw new LlmError('timeout', 'aborted', { cause: error });
        if (deadline.aborted) {
          throw new LlmError('timeout', `no answer within ${timeoutMs} ms`, { cause: error });
        }
        throw toLlmError(error);
      }
    },
  };
}

/** Settles with `work`, or rejects as soon as `signal` aborts: the SDK notices an abort only after a retry wait. */
function settleBy<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
