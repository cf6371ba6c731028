import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses request bodies larger than `maxBytes`. A body sent with Content-Length is judged by that header (Node's
 * HTTP parser never reads past it); one sent without it (chunked) is counted as it streams, by Hono's body-limit
 * middleware. Hono's middleware alone would turn every request into a full web Request (abort signal, web
 * stream) before any route reads it, about a tenth of a bot turn's CPU; routes read bodies through
 * `c.req.text()`, which then reads them from Node's request directly.
 */
export function requestBodyLimit(
  maxBytes: number,
  onTooLarge: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize: maxBytes, onError: onTooLarge });
  return async (c, next) => {
    if (c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    // Without Transfer-Encoding, a request without Content-Length has no body (RFC 9112 section 6.3).
    const length = Number(c.req.header('content-length') ?? '0');
    return Number.isFinite(length) && length > maxBytes ? onTooLarge(c) : next();
  };
}
