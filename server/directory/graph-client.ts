import { DirectoryResyncRequired } from '../../core';
import { parseRetryAfter } from '../../lms-connector/client';
import { GraphRequestError } from './graph-errors';
import type { GraphTokenProvider } from './graph-token-provider';

export type GraphRetryPolicy = {
  /** Tries per request, the first included. */
  maxAttempts: number;
  /** Backoff without Retry-After: base · 2^(n-1) · (½..1). */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the round fails and the next run tries again. */
  maxRetryAfterMs: number;
};

export const DEFAULT_GRAPH_RETRY: GraphRetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxRetryAfterMs: 5 * 60_000,
};

/** Error codes Graph answers (with a 4xx) when a delta link can no longer be used. */
const RESYNC_CODES = new Set(['syncStateNotFound', 'syncStateInvalid', 'resyncRequired']);

export type GraphClient = { getJson(url: string, signal?: AbortSignal): Promise<unknown> };

/**
 * GET on Graph with the app-only token: 429 and 5xx (and network failures) are retried, waiting the
 * server's Retry-After when it sends one and backing off otherwise; a 401 renews the token once; 410, or a
 * delta error code such as syncStateNotFound, is DirectoryResyncRequired; anything else fails at once.
 * Only URLs on the configured Graph origin are requested, so the token never goes anywhere else.
 */
export function graphClient(options: {
  graphBaseUrl: string;
  tokens: GraphTokenProvider;
  retry?: GraphRetryPolicy;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}): GraphClient {
  const retry = options.retry ?? DEFAULT_GRAPH_RETRY;
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const origin = new URL(options.graphBaseUrl).origin;

  return {
    async getJson(url, signal) {
      if (new URL(url).origin !== origin)
        throw new GraphRequestError(
          `Refusing to follow a link outside ${origin}: ${new URL(url).origin}`,
          null,
          null,
        );
      let renewed = false;
      for (let attempt = 1; ; attempt += 1) {
        const token = await options.tokens.token({ signal });
        let response: Response;
        try {
          response = await fetchImpl(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            signal,
          });
        } catch (error) {
          if (signal?.aborted || attempt >= retry.maxAttempts)
            throw new GraphRequestError(
              `Could not reach Microsoft Graph after ${attempt} tries`,
              null,
              null,
              {
                cause: error,
              },
            );
          await sleep(backoff(attempt), signal);
          continue;
        }
        if (response.ok) return response.json();
        const error = await graphError(response);
        if (response.status === 410 || (error.code && RESYNC_CODES.has(error.code)))
          throw new DirectoryResyncRequired(
            `Graph answered ${response.status}${error.code ? ` ${error.code}` : ''}`,
          );
        if (response.status === 401 && !renewed) {
          renewed = true;
          await options.tokens.token({ renew: true, signal });
          continue;
        }
        const retryable = response.status === 429 || response.status >= 500;
        if (!retryable || attempt >= retry.maxAttempts)
          throw new GraphRequestError(
            `Microsoft Graph answered ${response.status}${error.code ? ` ${error.code}` : ''}${error.message ? `: ${error.message}` : ''}${retryable ? ` after ${attempt} tries` : ''}`,
            response.status,
            error.code,
          );
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), new Date());
        if (retryAfter !== null && retryAfter > retry.maxRetryAfterMs)
          throw new GraphRequestError(
            `Microsoft Graph asked to wait ${Math.round(retryAfter / 1000)} s (${response.status}); the next run tries again`,
            response.status,
            error.code,
          );
        await sleep(retryAfter ?? backoff(attempt), signal);
      }
    },
  };

  function backoff(attempt: number): number {
    return Math.round(retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + random() / 2));
  }
}

async function graphError(response: Response): Promise<{ code: string | null; message: string | null }> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown };
  } | null;
  return {
    code: typeof body?.error?.code === 'string' ? body.error.code : null,
    message: typeof body?.error?.message === 'string' ? body.error.message.slice(0, 300) : null,
  };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
