import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { LlmError, type LlmClient, type LlmRequest } from '../../core/llm';
import { createLlmClient, createOpenAiLlmClient, type OpenAiLlmClientOptions } from '.';

const BASE_URL = 'http://llm.test/v1';
const REQUEST: LlmRequest = {
  messages: [
    { role: 'system', content: 'You summarise quarterly reports.' },
    { role: 'user', content: 'Revenue rose 4% to 12.1m.' },
  ],
};

type Call = { at: number; url: string; authorization: string | null; body: unknown };
type Reply = () => Response | Promise<Response>;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers POST {baseUrl}/chat/completions with the replies in turn (the last one repeats) and records each call. */
function provider(replies: Reply[], baseUrl = BASE_URL): Call[] {
  const calls: Call[] = [];
  server.use(
    http.post(`${baseUrl}/chat/completions`, async ({ request }) => {
      const authorization = request.headers.get('authorization');
      calls.push({ at: Date.now(), url: request.url, authorization, body: await request.json() });
      const reply = replies[Math.min(calls.length, replies.length) - 1];
      if (!reply) throw new Error('no reply scripted');
      return reply();
    }),
  );
  return calls;
}

function chatCompletion(content: string | null, finishReason = 'stop'): Record<string, unknown> {
  return {
    id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
    object: 'chat.completion',
    created: 1_741_570_283,
    model: 'gpt-4o-2024-08-06',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29 },
    system_fingerprint: 'fp_6b68a8204b',
  };
}

const ok =
  (content: string | null = 'Revenue grew 4%.'): Reply =>
  () =>
    HttpResponse.json(chatCompletion(content));
const status =
  (code: number, headers: Record<string, string> = {}, type = 'server_error'): Reply =>
  () =>
    HttpResponse.json(
      { error: { message: `status ${code}`, type, param: null, code: null } },
      { status: code, headers },
    );

/**
 * Cancelling the body of a response msw produced never settles (mswjs/interceptors#799, fixed after the 0.41
 * line msw 2.15 uses), and the SDK cancels an error body before each retry. This hands the SDK a plain copy of
 * what msw answered; against a real server undici's bodies cancel at once.
 */
const plainCopyFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const { status, statusText, headers } = response;
  return new Response(await response.arrayBuffer(), { status, statusText, headers });
};

function client(options: Partial<OpenAiLlmClientOptions> = {}): LlmClient {
  return createOpenAiLlmClient({
    baseUrl: BASE_URL,
    apiKey: 'sk-test',
    model: 'gpt-4o',
    timeoutMs: 5_000,
    fetch: plainCopyFetch,
    ...options,
  });
}

async function failure(work: Promise<unknown>): Promise<LlmError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof LlmError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('createOpenAiLlmClient', () => {
  it('sends the model and the messages with the bearer key and returns the text and the model that answered', async () => {
    const calls = provider([ok()]);

    await expect(client().complete(REQUEST)).resolves.toEqual({
      text: 'Revenue grew 4%.',
      model: 'gpt-4o-2024-08-06',
    });

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: `${BASE_URL}/chat/completions`, authorization: 'Bearer sk-test' });
    expect(calls[0]?.body).toEqual({ model: 'gpt-4o', messages: REQUEST.messages });
  });

  it('sends max_tokens only when the request sets maxOutputTokens', async () => {
    const calls = provider([ok()]);

    await client().complete({ ...REQUEST, maxOutputTokens: 300 });

    expect(calls[0]?.body).toMatchObject({ max_tokens: 300 });
  });

  it.each(['http://llm.test/openai/v1', 'http://llm.test/openai/v1/'])(
    'keeps the path of a base URL such as Azure OpenAI v1 (%s)',
    async (baseUrl) => {
      const calls = provider([ok()], 'http://llm.test/openai/v1');

      await client({ baseUrl }).complete(REQUEST);

      expect(calls.map((call) => call.url)).toEqual(['http://llm.test/openai/v1/chat/completions']);
    },
  );

  it('sends a placeholder key to a local server that needs none', async () => {
    const calls = provider([ok()], 'http://localhost:11434/v1');

    await client({ baseUrl: 'http://localhost:11434/v1', apiKey: undefined }).complete(REQUEST);

    expect(calls[0]?.authorization).toBe('Bearer not-needed');
  });

  it('waits as long as Retry-After says and then succeeds', async () => {
    const calls = provider([status(429, { 'retry-after': '1' }, 'rate_limit_exceeded'), ok()]);

    await expect(client().complete(REQUEST)).resolves.toMatchObject({ text: 'Revenue grew 4%.' });

    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up as rate_limited after maxRetries retries of a 429', async () => {
    const calls = provider([status(429, { 'retry-after': '0' }, 'rate_limit_exceeded')]);

    const error = await failure(client({ maxRetries: 2 }).complete(REQUEST));

    expect(error.kind).toBe('rate_limited');
    expect(error.cause).toBeDefined();
    expect(calls).toHaveLength(3);
  });

  it('does not take a Retry-After wait longer than the time left, and reports rate_limited at once', async () => {
    const calls = provider([status(429, { 'retry-after': '120' }, 'rate_limit_exceeded'), ok()]);
    const started = Date.now();

    const error = await failure(client({ timeoutMs: 5_000 }).complete(REQUEST));

    expect(error.kind).toBe('rate_limited');
    expect(calls).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('retries a 500 and then reports unavailable', async () => {
    const calls = provider([status(500)]);

    const error = await failure(client({ maxRetries: 1 }).complete(REQUEST));

    expect(error.kind).toBe('unavailable');
    expect(calls).toHaveLength(2);
  });

  it('recovers from a 503 on the retry', async () => {
    const calls = provider([status(503), ok()]);

    await expect(client().complete(REQUEST)).resolves.toMatchObject({ text: 'Revenue grew 4%.' });

    expect(calls).toHaveLength(2);
  });

  it('reports a connection failure as unavailable', async () => {
    provider([() => HttpResponse.error()]);

    const error = await failure(client({ maxRetries: 0 }).complete(REQUEST));

    expect(error.kind).toBe('unavailable');
  });

  it.each([401, 403])('reports %i as unauthorized without retrying', async (code) => {
    const calls = provider([status(code, {}, 'invalid_request_error')]);

    const error = await failure(client().complete(REQUEST));

    expect(error.kind).toBe('unauthorized');
    expect(calls).toHaveLength(1);
  });

  it('reports a 400 (an Azure content-filter refusal) as rejected without retrying', async () => {
    const calls = provider([
      () =>
        HttpResponse.json(
          {
            error: {
              message:
                "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
              type: null,
              param: 'prompt',
              code: 'content_filter',
              status: 400,
            },
          },
          { status: 400 },
        ),
    ]);

    const error = await failure(client().complete(REQUEST));

    expect(error.kind).toBe('rejected');
    expect(calls).toHaveLength(1);
  });

  it('reports an answer stopped by the content filter as rejected', async () => {
    provider([() => HttpResponse.json(chatCompletion(null, 'content_filter'))]);

    await expect(failure(client().complete(REQUEST))).resolves.toMatchObject({ kind: 'rejected' });
  });

  it('reports no answer within timeoutMs as timeout', async () => {
    provider([
      async () => {
        await delay('infinite');
        return HttpResponse.json(chatCompletion('too late'));
      },
    ]);
    const started = Date.now();

    const error = await failure(client({ timeoutMs: 300 }).complete(REQUEST));

    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('rejects at once with timeout "aborted" when the caller aborts, even during a retry wait', async () => {
    const calls = provider([status(429, { 'retry-after': '2' }, 'rate_limit_exceeded'), ok()]);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);

    const error = await failure(client().complete({ ...REQUEST, signal: controller.signal }));

    expect(error).toMatchObject({ kind: 'timeout', message: 'aborted' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls).toHaveLength(1);
  });

  it.each<[string, Reply]>([
    ['no choices', () => HttpResponse.json({ ...chatCompletion('x'), choices: [] })],
    ['a choice without content', ok(null)],
    ['an empty answer', ok('')],
    [
      'a body that is not JSON',
      () => new HttpResponse('<html>Bad gateway</html>', { headers: { 'content-type': 'application/json' } }),
    ],
    ['a body that is not a completion', () => HttpResponse.text('Bad gateway')],
  ])('reports a 200 with %s as malformed_response', async (_name, reply) => {
    provider([reply]);

    const error = await failure(client().complete(REQUEST));

    expect(error.kind).toBe('malformed_response');
  });
});

describe('createLlmClient', () => {
  it('returns null without a configured model (bring-your-own-AI mode) and the adapter with one', async () => {
    provider([ok()], 'http://localhost:11434/v1');

    expect(createLlmClient(null)).toBeNull();
    const llm = createLlmClient({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' });
    await expect(llm?.complete(REQUEST)).resolves.toMatchObject({ text: 'Revenue grew 4%.' });
  });
});

/** A chat-completions stream as OpenAI sends it: Server-Sent Events, one `chat.completion.chunk` per event. */
function sseChunk(delta: Record<string, unknown>, finishReason: string | null = null): string {
  const chunk = {
    id: 'chatcmpl-C1stream',
    object: 'chat.completion.chunk',
    created: 1_741_570_283,
    model: 'gpt-4o-2024-08-06',
    system_fingerprint: 'fp_6b68a8204b',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

const STREAMED_PIECES = ['Revenue ', 'grew ', '4% ', 'to 12.1m.'];
const streamedEvents = (pieces = STREAMED_PIECES, finishReason = 'stop'): string[] => [
  sseChunk({ role: 'assistant', content: '', refusal: null }),
  ...pieces.map((content) => sseChunk({ content })),
  sseChunk({}, finishReason),
  'data: [DONE]\n\n',
];

/** A body that sends `events` one by one, `gapMs` apart, then ends (or fails with `thenFail`, or stalls). */
function eventStream(
  events: string[],
  options: { gapMs?: number; thenFail?: Error; thenStall?: boolean } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      if (index > 0 && options.gapMs) await new Promise((resolve) => setTimeout(resolve, options.gapMs));
      const event = events[index++];
      if (event !== undefined) controller.enqueue(encoder.encode(event));
      else if (options.thenFail) controller.error(options.thenFail);
      else if (options.thenStall) await new Promise(() => undefined);
      else controller.close();
    },
  });
}

const sse =
  (body: () => ReadableStream<Uint8Array>): Reply =>
  () =>
    new HttpResponse(body(), { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });

/** msw's own fetch, which hands a streamed body on as it comes (`plainCopyFetch` reads it whole first). */
const unbufferedFetch: typeof fetch = (input, init) => fetch(input, init);

/** Calls `stream` and keeps every piece of text it handed on, in order, with when it came. */
async function streamed(llm: LlmClient, request: LlmRequest = REQUEST) {
  const pieces: string[] = [];
  const times: number[] = [];
  if (!llm.stream) throw new Error('the adapter should stream');
  const outcome = await llm
    .stream(request, (piece) => {
      pieces.push(piece);
      times.push(Date.now());
    })
    .then(
      (response) => ({ response, error: null }),
      (error: unknown) => ({ response: null, error }),
    );
  return { pieces, times, ...outcome };
}

describe('createOpenAiLlmClient stream', () => {
  it('asks for a stream and hands on each piece in order, then resolves with the whole answer', async () => {
    const calls = provider([sse(() => eventStream(streamedEvents(), { gapMs: 60 }))]);

    const { pieces, times, response, error } = await streamed(client({ fetch: unbufferedFetch }));

    expect(error).toBeNull();
    expect(pieces).toEqual(STREAMED_PIECES);
    // Handed on as they came, not all at the end.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(150);
    expect(response).toEqual({ text: 'Revenue grew 4% to 12.1m.', model: 'gpt-4o-2024-08-06' });
    expect(calls[0]?.body).toEqual({ model: 'gpt-4o', messages: REQUEST.messages, stream: true });
  });

  it('takes a server that ignores `stream` and answers in one piece', async () => {
    provider([ok()]);

    const { pieces, response } = await streamed(client());

    expect(pieces).toEqual(['Revenue grew 4%.']);
    expect(response).toMatchObject({ text: 'Revenue grew 4%.' });
  });

  it('retries a 503 before the stream starts, as complete does', async () => {
    const calls = provider([status(503), sse(() => eventStream(streamedEvents()))]);

    const { pieces, response } = await streamed(client());

    expect(calls).toHaveLength(2);
    expect(pieces.join('')).toBe(response?.text);
  });

  it('reports a stream that breaks off part-way as unavailable, after handing on what came', async () => {
    const broken = eventStream(streamedEvents().slice(0, 3), { thenFail: new TypeError('terminated') });
    const llm = client({
      fetch: async () => new Response(broken, { headers: { 'content-type': 'text/event-stream' } }),
    });

    const { pieces, error } = await streamed(llm);

    expect(pieces).toEqual(['Revenue ', 'grew ']);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'unavailable' });
  });

  it('reports an error event in the middle of the stream as unavailable', async () => {
    const events = [
      ...streamedEvents().slice(0, 2),
      `data: ${JSON.stringify({ error: { message: 'The server had an error', type: 'server_error' } })}\n\n`,
    ];
    provider([sse(() => eventStream(events))]);

    const { pieces, error } = await streamed(client());

    expect(pieces).toEqual(['Revenue ']);
    expect(error).toMatchObject({ kind: 'unavailable' });
  });

  it('reports a stream that stalls past timeoutMs as timeout, within the budget', async () => {
    provider([sse(() => eventStream(streamedEvents().slice(0, 3), { thenStall: true }))]);
    const started = Date.now();

    const { pieces, error } = await streamed(client({ timeoutMs: 400, fetch: unbufferedFetch }));

    expect(pieces).toEqual(['Revenue ', 'grew ']);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('reports a stream stopped by the content filter as rejected', async () => {
    provider([sse(() => eventStream(streamedEvents(['Revenue '], 'content_filter')))]);

    await expect(streamed(client())).resolves.toMatchObject({ error: { kind: 'rejected' } });
  });

  it('reports a stream with no text as malformed_response', async () => {
    provider([sse(() => eventStream(streamedEvents([])))]);

    await expect(streamed(client())).resolves.toMatchObject({ error: { kind: 'malformed_response' } });
  });

  it.each([401, 429])(
    'maps %i before the stream as complete does, without handing on any text',
    async (code) => {
      provider([status(code, { 'retry-after': '0' })]);

      const { pieces, error } = await streamed(client({ maxRetries: 0 }));

      expect(pieces).toEqual([]);
      expect(error).toMatchObject({ kind: code === 401 ? 'unauthorized' : 'rate_limited' });
    },
  );
});
