import { http, HttpResponse, type HttpHandler } from 'msw';

/**
 * Microsoft Graph users delta and the Entra token endpoint as msw handlers, answering in Graph's wire format
 * (shapes from learn.microsoft.com "Get incremental changes for users" and "user: delta"): pages with
 * `@odata.nextLink` ($skiptoken), a last page with `@odata.deltaLink` ($deltatoken), `@removed` entries,
 * `manager@delta` annotations, and errors as `{"error": {"code", "message", "innerError"}}`.
 */
export const GRAPH = 'https://graph.microsoft.com';
export const DELTA_URL = `${GRAPH}/v1.0/users/delta`;

export type GraphReply =
  | { kind: 'page'; body: Record<string, unknown> }
  | { kind: 'error'; status: number; code: string; message: string; headers?: Record<string, string> };

/** Where a request starts: the first full read, a $skiptoken page, or a $deltatoken round. */
export type PageKey = 'initial' | `skip:${string}` | `delta:${string}`;

const SELECTED = 'displayName,mail,userPrincipalName,department,jobTitle,employeeId,accountEnabled,manager';

export function usersPage(value: unknown[], link: { next: string } | { delta: string }): GraphReply {
  return {
    kind: 'page',
    body: {
      '@odata.context': `${GRAPH}/v1.0/$metadata#users(${SELECTED})`,
      ...('next' in link
        ? { '@odata.nextLink': `${DELTA_URL}?$skiptoken=${link.next}` }
        : { '@odata.deltaLink': `${DELTA_URL}?$deltatoken=${link.delta}` }),
      value,
    },
  };
}

export const deltaLink = (token: string) => `${DELTA_URL}?$deltatoken=${token}`;

export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): GraphReply {
  return { kind: 'error', status, code, message, headers };
}

type UserFields = {
  displayName?: string;
  mail?: string | null;
  userPrincipalName?: string;
  department?: string | null;
  jobTitle?: string | null;
  employeeId?: string | null;
  accountEnabled?: boolean;
  manager?: string;
  /** The manager relationship removed in this round. */
  managerRemoved?: string;
  [other: string]: unknown;
};

/** A user entry as Graph sends it when `manager` is selected: the manager as a `manager@delta` annotation. */
export function graphUser(id: string, fields: UserFields): Record<string, unknown> {
  const { manager, managerRemoved, ...rest } = fields;
  const managerDelta = [
    ...(managerRemoved
      ? [{ '@odata.type': '#microsoft.graph.user', id: managerRemoved, '@removed': { reason: 'deleted' } }]
      : []),
    ...(manager ? [{ '@odata.type': '#microsoft.graph.user', id: manager }] : []),
  ];
  return { ...rest, id, ...(managerDelta.length > 0 ? { 'manager@delta': managerDelta } : {}) };
}

export const removedUser = (id: string, reason: 'changed' | 'deleted') => ({ id, '@removed': { reason } });

/** A scripted Graph: each key answers its queued replies in turn, the last one again when they run out. */
export function fakeGraph(tenantId: string) {
  const script = new Map<PageKey, GraphReply[]>();
  const requests: { key: PageKey; url: string; authorization: string | null }[] = [];
  const tokenRequests: URLSearchParams[] = [];

  function keyOf(url: URL): PageKey {
    const skip = url.searchParams.get('$skiptoken');
    if (skip) return `skip:${skip}`;
    const delta = url.searchParams.get('$deltatoken');
    if (delta) return `delta:${delta}`;
    return 'initial';
  }

  const handlers: HttpHandler[] = [
    http.post(`https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      tokenRequests.push(form);
      return HttpResponse.json({
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: `app-token-${tokenRequests.length}`,
      });
    }),
    http.get(DELTA_URL, ({ request }) => {
      const url = new URL(request.url);
      const key = keyOf(url);
      requests.push({ key, url: request.url, authorization: request.headers.get('authorization') });
      const queue = script.get(key);
      const reply = queue && queue.length > 1 ? queue.shift() : queue?.[0];
      if (!reply)
        return HttpResponse.json(
          { error: { code: 'Request_ResourceNotFound', message: `Nothing scripted for ${key}` } },
          { status: 404 },
        );
      if (reply.kind === 'page') return HttpResponse.json(reply.body);
      return HttpResponse.json(
        {
          error: {
            code: reply.code,
            message: reply.message,
            innerError: { date: '2026-11-30T10:00:00', 'request-id': 'e5b1a0f2-1c3d-4e5f-8a9b-0c1d2e3f4a5b' },
          },
        },
        { status: reply.status, headers: reply.headers },
      );
    }),
  ];

  return {
    handlers,
    requests,
    tokenRequests,
    /** Scripts what a key answers; replaces what was scripted for it before. */
    on(key: PageKey, ...replies: GraphReply[]) {
      script.set(key, replies);
    },
    reset() {
      script.clear();
      requests.length = 0;
    },
  };
}
