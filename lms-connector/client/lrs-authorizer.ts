import type { LrsAuth } from '../targets';
import { LrsAuthError, LrsHttpError, LrsTransportError } from './lrs-errors';
import { parseRetryAfter } from './retry-after';

/** Supplies the Authorization header for LRS requests. */
export type LrsAuthorizer = {
  header(): Promise<string>;
  /** Forgets a cached bearer token the LRS refused; true when a retry with a new one makes sense. */
  invalidate(): boolean;
};

export type AuthorizerOptions = {
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
};

/** A token is renewed this long before it expires, so a request never carries one that lapses on the way. */
const TOKEN_RENEWAL_MARGIN_MS = 60_000;

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export function createAuthorizer(auth: LrsAuth, options: AuthorizerOptions = {}): LrsAuthorizer {
  if (auth.kind === 'basic') {
    const header = basicAuthorization(auth.username, auth.password);
    return { header: () => Promise.resolve(header), invalidate: () => false };
  }
  const oauth = auth;
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 10_000;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function requestToken(): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (oauth.scope) body.set('scope', oauth.scope);
    let response: Response;
    try {
      response = await fetchImpl(oauth.tokenUrl, {
        method: 'POST',
        headers: {
          Authorization: basicAuthorization(
            encodeURIComponent(oauth.clientId),
            encodeURIComponent(oauth.clientSecret),
          ),
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: body.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      throw new LrsTransportError(
        timedOut ? 'timeout' : 'network',
        `token endpoint ${timedOut ? 'did not answer in time' : 'unreachable'}`,
        { cause: error },
      );
    }
    const text = await response.text();
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new LrsAuthError(
        response.status,
        `token endpoint refused the client credentials: ${text.slice(0, 200)}`,
      );
    }
    if (!response.ok) {
      throw new LrsHttpError(
        response.status,
        `token endpoint answered ${response.status}`,
        parseRetryAfter(response.headers.get('retry-after'), now()),
      );
    }
    const json = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') {
      throw new LrsAuthError(response.status, 'token endpoint answered without an access_token');
    }
    const lifetimeMs = typeof json.expires_in === 'number' ? json.expires_in * 1000 : 3_600_000;
    cached = {
      token: json.access_token,
      renewAt: now().getTime() + Math.max(lifetimeMs - TOKEN_RENEWAL_MARGIN_MS, lifetimeMs / 2),
    };
    return json.access_token;
  }

  return {
    async header() {
      if (cached && cached.renewAt > now().getTime()) return `Bearer ${cached.token}`;
      // Concurrent requests share one token request.
      pending ??= requestToken().finally(() => {
        pending = null;
      });
      return `Bearer ${await pending}`;
    },
    invalidate() {
      cached = null;
      return true;
    },
  };
}
