import net from 'node:net';

export type PgFaultProxy = {
  /** The database URL with host and port replaced by the proxy's. */
  url: string;
  /** Connections accepted so far (a pool that reconnects after an outage shows up here). */
  readonly connectionsAccepted: number;
  /**
   * What a PostgreSQL restart looks like to its clients: every open connection is cut at once, and new ones
   * are refused (ECONNREFUSED: nothing listens) for `outageMs`; then connections are accepted again.
   * Resolves when the proxy listens again.
   */
  restart(outageMs: number): Promise<void>;
  close(): Promise<void>;
};

/** A TCP proxy between the service and PostgreSQL, at `databaseUrl`'s host and port, that can play a restart. */
export async function startPgFaultProxy(databaseUrl: string): Promise<PgFaultProxy> {
  const upstream = new URL(databaseUrl);
  const upstreamPort = Number(upstream.port || 5432);
  const sockets = new Set<net.Socket>();
  let accepted = 0;

  const server = net.createServer((client) => {
    accepted++;
    const database = net.connect(upstreamPort, upstream.hostname);
    for (const socket of [client, database]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // A reset on one side ends the other; the error itself is the point of the exercise.
      socket.on('error', () => undefined);
    }
    client.pipe(database).on('close', () => client.destroy());
    database.pipe(client).on('close', () => database.destroy());
    client.on('close', () => database.destroy());
    database.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);

  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));

  return {
    url: proxied.toString(),
    get connectionsAccepted() {
      return accepted;
    },
    restart: async (outageMs) => {
      const closed = stopListening();
      cutAll();
      await closed;
      await new Promise((resolve) => setTimeout(resolve, outageMs));
      await listen(port);
    },
    close: async () => {
      const closed = stopListening();
      cutAll();
      await closed;
    },
  };
}
