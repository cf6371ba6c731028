import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SLOW_MODEL_ANSWER = 'Bench answer from the slow model: accruals rose 40,500.';

export type SlowModel = {
  /** The OpenAI-compatible base URL, e.g. http://127.0.0.1:1234/v1 */
  baseUrl: string;
  /** Requests received, and how many were answered (the rest were abandoned by the client first). */
  stats(): { requests: number; answered: number; abandoned: number };
  close(): Promise<void>;
};

/**
 * A local OpenAI-compatible model that answers POST /v1/chat/completions after `delayMs`, in the
 * chat-completions wire format. It stands in for a slow provider; what it is asked is read and dropped.
 * `delayMs` may instead say how long to take over each request (numbered from 1).
 */
export async function startSlowModel(delayMs: number | ((request: number) => number)): Promise<SlowModel> {
  const delayOf = typeof delayMs === 'number' ? () => delayMs : delayMs;
  const timers = new Set<NodeJS.Timeout>();
  let requests = 0;
  let answered = 0;
  let abandoned = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method !== 'POST' || !(request.url ?? '').endsWith('/chat/completions')) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      requests++;
      let clientGone = false;
      response.once('close', () => (clientGone = true));
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (clientGone || response.destroyed) {
          abandoned++;
          return;
        }
        answered++;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            id: `chatcmpl-bench-${requests}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: 'bench-slow-model',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: SLOW_MODEL_ANSWER },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 100, completion_tokens: 12, total_tokens: 112 },
          }),
        );
      }, delayOf(requests));
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    stats: () => ({ requests, answered, abandoned }),
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
