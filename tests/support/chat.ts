import type { StartOptions } from '../../server/practica';
import { DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { startLocalConnector } from './local-connector';
import { startTestServer, type TestServer } from './practica-server';
import { TeamsUser } from './teams-user';
import type { TestDatabaseKind } from './test-database';

export type Chat = {
  server: TestServer;
  connector: Awaited<ReturnType<typeof startLocalConnector>>;
  /** A demo person chatting with the bot 1:1. */
  userFor(email: string): TeamsUser;
  close(): Promise<void>;
};

/** The running service, a local Bot Connector and demo people to chat as: the set-up of every bot suite. */
export async function startChat(
  kind: TestDatabaseKind = 'pglite',
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<Chat> {
  const server = await startTestServer(kind, env, options);
  const connector = await startLocalConnector();
  return {
    server,
    connector,
    userFor: (email) => {
      const person = requireDemoPerson(email);
      return new TeamsUser(server.url, connector, {
        tenantId: DEMO_TENANT.id,
        aadObjectId: person.aadObjectId,
        displayName: person.displayName,
      });
    },
    close: async () => {
      await server.close();
      await connector.close();
    },
  };
}
