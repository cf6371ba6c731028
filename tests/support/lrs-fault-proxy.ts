import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one matching request instead of forwarding it plainly. */
export type LrsFault =
  /** Answer with this status (and headers) without forwarding. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Never answer (the client's timeout fires). */
  | { kind: 'hang' }
  /** Forward, let the LRS store the batch, then cut the connection before the answer reaches the client. */
  | { kind: 'lose-response' }
  /** Forward, let the LRS store the batch, and never answer (the sender is killed meanwhile). */
  | { kind: 'hold-answer' }
  /** Forward plainly (to let some requests through before a fault). */
  | { kind: 'pass' }
  /** Refuse connections: the LRS is down. */
  | { kind: 'down' };

export type ProxiedRequest = {
  method: string;
  path: string;
  at: number;
  status: number | 'no answer';
  statements: number;
};

export type LrsFaultProxy = {
  /** The xAPI endpoint through the proxy. */
  endpoint: string;
  /** Faults for the next matching requests, in order. */
  inject(faults: LrsFault[], match?: { method?: string }): void;
  /** Answer 413 to any request body larger than this (a reverse proxy's limit); null for none. */
  setMaxBodyBytes(bytes: number | null): void;
  /** Until `up()`: every request gets a connection reset (an outage). */
  down(): void;
  up(): void;
  requests: ProxiedRequest[];
  close(): Promise<void>;
};

/** A local HTTP proxy in front of the real LRS that injects faults: throttling, 5xx, hangs, lost answers. */
export async function startLrsFaultProxy(lrsEndpoint: string): Promise<LrsFaultProxy> {
  const upstream = new URL(lrsEndpoint);
  const queue: { fault: LrsFault; method?: string }[] = [];
  const requests: ProxiedRequest[] = [];
  let maxBodyBytes: number | null = null;
  let isDown = false;
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void handle(request, response, Buffer.concat(chunks));
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, body: Buffer) {
    const method = request.method ?? 'GET';
    const log: ProxiedRequest = {
      method,
      path: request.url ?? '/',
      at: Date.now(),
      status: 'no answer',
      statements: countStatements(method, body),
    };
    requests.push(log);
    if (isDown) {
      request.socket.destroy();
      return;
    }
    const index = queue.findIndex((entry) => !entry.method || entry.method === method);
    const fault = index >= 0 ? queue.splice(index, 1)[0]!.fault : null;
    if (fault?.kind === 'down') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      hanging.add(response);
      return;
    }
    if (fault?.kind === 'status') {
      log.status = fault.status;
      response.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
      response.end(fault.body ?? JSON.stringify({ message: `injected ${fault.status}` }));
      return;
    }
    if (maxBodyBytes !== null && body.length > maxBodyBytes) {
      log.status = 413;
      response.writeHead(413, { 'Content-Type': 'text/plain' }).end('Request Entity Too Large');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers[name] = value;
    }
    const answer = await fetch(new URL(request.url ?? '/', upstream.origin), {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    });
    const text = Buffer.from(await answer.arrayBuffer());
    if (fault?.kind === 'hold-answer') {
      hanging.add(response);
      return;
    }
    if (fault?.kind === 'lose-response') {
      log.status = 'no answer';
      request.socket.destroy();
      return;
    }
    log.status = answer.status;
    const responseHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (
        !['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding'].includes(
          name,
        )
      )
        responseHeaders[name] = value;
    });
    response.writeHead(answer.status, responseHeaders).end(text);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}${upstream.pathname}`,
    inject(faults, match = {}) {
      queue.push(...faults.map((fault) => ({ fault, method: match.method })));
    },
    setMaxBodyBytes(bytes) {
      maxBodyBytes = bytes;
    },
    down() {
      isDown = true;
    },
    up() {
      isDown = false;
    },
    requests,
    async close() {
      for (const response of hanging) response.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function countStatements(method: string, body: Buffer): number {
  if (method !== 'POST' || body.length === 0) return 0;
  try {
    const parsed: unknown = JSON.parse(body.toString());
    return Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    return 0;
  }
}
