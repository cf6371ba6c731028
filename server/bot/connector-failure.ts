import { parseRetryAfter } from '../../lms-connector/client';

/**
 * What the Bot Connector said when it refused a call (the Teams SDK's axios error): the HTTP status, and how
 * long it asked us to wait (Retry-After on a 429 or 503), if it said so.
 */
export function connectorFailure(
  error: unknown,
  now: Date,
): { status: number | null; retryAfterMs: number | null } {
  const response = (error as { response?: { status?: unknown; headers?: unknown } } | null)?.response;
  const headers = (response?.headers ?? {}) as Record<string, unknown>;
  const retryAfter = headers['retry-after'];
  return {
    status: typeof response?.status === 'number' ? response.status : null,
    retryAfterMs: typeof retryAfter === 'string' ? parseRetryAfter(retryAfter, now) : null,
  };
}
