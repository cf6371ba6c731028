import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SentActivity = {
  conversationId: string;
  /** Set when the bot updated an earlier message (PUT) instead of sending a new one. */
  updatedActivityId?: string;
  id: string;
  activity: {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
  } & Record<string, unknown>;
  /** When the connector received it (ms since the epoch). */
  receivedAt?: number;
};

/** What a test may make the connector answer instead of accepting an activity (then it is not recorded). */
export type ConnectorRefusal = { status: number; body: unknown; headers?: Record<string, string> };
export type ConnectorInterceptor = (request: {
  method: string;
  conversationId: string;
  activity: SentActivity['activity'];
}) => ConnectorRefusal | null;

/**
 * Stands in for the Bot Connector service: the bot replies to the activity's serviceUrl, and this records
 * every activity it is sent or updated, so tests can read what the employee would see.
 */
export async function startLocalConnector(): Promise<{
  serviceUrl: string;
  sent: SentActivity[];
  /** Set to refuse some activities the way the Bot Connector would (e.g. a 403 for a stopped stream). */
  intercept: ConnectorInterceptor | null;
  close(): Promise<void>;
}> {
  const sent: SentActivity[] = [];
  let counter = 0;
  const control: { intercept: ConnectorInterceptor | null } = { intercept: null };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(request.url ?? '');
      let id = `sent-${++counter}`;
      if ((request.method === 'POST' || request.method === 'PUT') && match?.[1]) {
        const updated = request.method === 'PUT' && match[2] ? decodeURIComponent(match[2]) : undefined;
        if (updated) id = updated;
        const conversationId = decodeURIComponent(match[1]);
        const activity = JSON.parse(body) as SentActivity['activity'];
        const refusal = control.intercept?.({ method: request.method, conversationId, activity }) ?? null;
        if (refusal) {
          response.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
          response.end(JSON.stringify(refusal.body));
          return;
        }
        sent.push({
          conversationId,
          id,
          ...(updated ? { updatedActivityId: updated } : {}),
          activity,
          receivedAt: Date.now(),
        });
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    get intercept() {
      return control.intercept;
    },
    set intercept(value) {
      control.intercept = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
