import { LlmError, type LlmClient, type LlmRequest, type LlmResponse } from '../../core/llm';
import { readCompletion } from './read-completion';
import { readStreamedCompletion } from './read-streamed-completion';
import { retryWithinBudget } from './retry-within-budget';
import { loadOpenAiSdk, type OpenAiSdk } from './openai-sdk';
import { toLlmError } from './to-llm-error';

type OpenAiClient = InstanceType<OpenAiSdk['OpenAI']>;

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

/** Long enough for a slow model (DESIGN: one taking 60 s must not time out); answers arrive through a job anyway. */
export const DEFAULT_LLM_TIMEOUT_MS = 180_000;

/**
 * The OpenAI-compatible adapter of the `LlmClient` port. It logs nothing (the SDK's logger is off whatever
 * OPENAI_LOG says) and reads no OPENAI_* environment variable for where to connect or as whom.
 *
 * Retries are the SDK's own; a wait the server asks for that would not fit in `timeoutMs` is not taken, so
 * `complete` and `stream` settle within `timeoutMs` (a stream's whole answer included). Aborting
 * `request.signal` rejects at once with an `LlmError` of kind `timeout` and message `aborted` (the caller gave
 * up waiting; callers that aborted on purpose know why).
 */

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
  const body = (request: LlmRequest) => ({
    model: options.model,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    ...(request.maxOutputTokens === undefined ? {} : { max_tokens: request.maxOutputTokens }),
  });

  /** Runs one call within the time budget and turns whatever it throws into an `LlmError`. */
  async function withinBudget(
    request: LlmRequest,
    call: (client: OpenAiClient, signal: AbortSignal, sdk: OpenAiSdk) => Promise<LlmResponse>,
  ): Promise<LlmResponse> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    const sdk = await loadOpenAiSdk();
    const client = new sdk.OpenAI({
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
    try {
      return await settleBy(signal, call(client, signal, sdk));
    } catch (error) {
      if (request.signal?.aborted) throw new LlmError('timeout', 'aborted', { cause: error });
      if (deadline.aborted) {
        throw new LlmError('timeout', `no answer within ${timeoutMs} ms`, { cause: error });
      }
      throw toLlmError(error, sdk.errors);
    }
  }

  return {
    complete: (request) =>
      withinBudget(request, async (client, signal) =>
        readCompletion(await client.chat.completions.create(body(request), { signal }), options.model),
      ),

    // The SDK retries before the first byte of the answer as it does for `complete`; a stream that breaks
    // off part-way is not retried (its start was already handed on) and rejects like any failed call.
    stream: (request, onText) =>
      withinBudget(request, async (client, signal, { Stream }) => {
        const reading = new AbortController();
        const stopReading = (): void => reading.abort(signal.reason);
        signal.addEventListener('abort', stopReading, { once: true });
        try {
          const response = await client.chat.completions
            .create({ ...body(request), stream: true }, { signal: reading.signal })
            .asResponse();
          if (!isEventStream(response)) {
            // Some OpenAI-compatible servers ignore `stream` and answer in one piece.
            const whole = readCompletion(await response.json(), options.model);
            onText(whole.text);
            return whole;
          }
          // The client (its logger off) is passed so the SDK never prints a chunk it cannot parse.
          const chunks = Stream.fromSSEResponse<unknown>(response, reading, client);
          return await readStreamedCompletion(chunks, options.model, onText);
        } finally {
          signal.removeEventListener('abort', stopReading);
        }
      }),
  };
}

function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().includes('text/event-stream');
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
