import { GraphRequestError } from './graph-errors';

export type GraphCredentials = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com, or a national cloud's authority. */
  authorityUrl: string;
  /** https://graph.microsoft.com; the scope asked for is `{graphBaseUrl}/.default`. */
  graphBaseUrl: string;
};

export type GraphTokenProvider = {
  /** An app-only access token for Graph; a cached one until a minute before it expires unless `renew`. */
  token(options?: { renew?: boolean; signal?: AbortSignal }): Promise<string>;
};

/**
 * OAuth 2.0 client credentials against the tenant's Entra token endpoint (application permissions such as
 * User.Read.All, granted with admin consent). Concurrent callers share one token request.
 */
export function graphTokenProvider(
  credentials: GraphCredentials,
  options: { fetch?: typeof fetch; now?: () => number } = {},
): GraphTokenProvider {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function request(signal?: AbortSignal): Promise<string> {
    const url = `${credentials.authorityUrl.replace(/\/+$/, '')}/${encodeURIComponent(credentials.tenantId)}/oauth2/v2.0/token`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          scope: `${credentials.graphBaseUrl.replace(/\/+$/, '')}/.default`,
        }),
        signal,
      });
    } catch (error) {
      throw new GraphRequestError('Could not reach the Entra token endpoint', null, null, { cause: error });
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body.access_token !== 'string') {
      const code = typeof body.error === 'string' ? body.error : null;
      const description =
        typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : '';
      throw new GraphRequestError(
        `Entra refused the app-only token (${response.status}${code ? ` ${code}` : ''})${description ? `: ${description}` : ''}`,
        response.status,
        code,
      );
    }
    const lifetimeSeconds = Number(body.expires_in) || 3600;
    cached = { token: body.access_token, renewAt: now() + Math.max(0, lifetimeSeconds - 60) * 1000 };
    return body.access_token;
  }

  return {
    async token({ renew = false, signal } = {}) {
      if (!renew && cached && now() < cached.renewAt) return cached.token;
      pending ??= request(signal).finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}
