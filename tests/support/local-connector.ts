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
};

/**
 * Stands in for the Bot Connector service: the bot replies to the activity's serviceUrl, and this records
 * every activity it is sent or updated, so tests can read what the employee would see.
 */
export async function startLocalConnector(): Promise<{
  serviceUrl: string;
  sent: SentActivity[];
  close(): Promise<void>;
}> {
  const sent: SentActivity[] = [];
  let counter = 0;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(request.url ?? '');
      let id = `sent-${++counter}`;
      if ((request.method === 'POST' || request.method === 'PUT') && match?.[1]) {
        const updated = request.method === 'PUT' && match[2] ? decodeURIComponent(match[2]) : undefined;
        if (updated) id = updated;
        sent.push({
          conversationId: decodeURIComponent(match[1]),
          id,
          ...(updated ? { updatedActivityId: updated } : {}),
          activity: JSON.parse(body) as SentActivity['activity'],
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
