import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedActivity = {
  conversationId: string;
  /** Set when the bot updated an earlier message (PUT) instead of sending a new one. */
  updatedActivityId?: string;
  receivedAt: number;
  activity: unknown;
};

export type LocalConnector = {
  serviceUrl: string;
  /** How many activities the bot has sent to (or updated in) this conversation so far. */
  count(conversationId: string): number;
  /** The most recent activities of a conversation (the last 50), oldest first. */
  recent(conversationId: string): ReceivedActivity[];
  close(): Promise<void>;
};

const KEPT_PER_CONVERSATION = 50;

/**
 * What the connector was sent, its JSON parsed when first read: most activities are only counted, and
 * parsing every card cost the load generator CPU that the bot under test then lacked.
 */
function received(conversationId: string, body: string, updatedActivityId?: string): ReceivedActivity {
  let activity: unknown;
  let parsed = false;
  return {
    conversationId,
    receivedAt: performance.now(),
    ...(updatedActivityId ? { updatedActivityId } : {}),
    get activity(): unknown {
      if (!parsed) {
        parsed = true;
        activity = parseOrNull(body);
      }
      return activity;
    },
  };
}

function parseOrNull(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

/**
 * Stands in for the Bot Connector service: both bots reply to the activity's serviceUrl
 * (POST /v3/conversations/{id}/activities[/{replyToId}], PUT .../activities/{id} to update), and this answers
 * `{"id": ...}` at once and keeps what each conversation was sent.
 */
export async function startLocalConnector(): Promise<LocalConnector> {
  const counts = new Map<string, number>();
  const kept = new Map<string, ReceivedActivity[]>();
  let counter = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(request.url ?? '');
      let id = `sent-${++counter}`;
      if ((request.method === 'POST' || request.method === 'PUT') && match?.[1]) {
        const conversationId = decodeURIComponent(match[1]);
        const updated = request.method === 'PUT' && match[2] ? decodeURIComponent(match[2]) : undefined;
        if (updated) id = updated;
        counts.set(conversationId, (counts.get(conversationId) ?? 0) + 1);
        const list = kept.get(conversationId) ?? [];
        list.push(received(conversationId, Buffer.concat(chunks).toString(), updated));
        if (list.length > KEPT_PER_CONVERSATION) list.shift();
        kept.set(conversationId, list);
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    count: (conversationId) => counts.get(conversationId) ?? 0,
    recent: (conversationId) => [...(kept.get(conversationId) ?? [])],
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
