import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { messageActivity } from '../support/activities';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';

const CLIENT_ID = '1b0f7c1e-9d55-4c1a-9e0f-3a7d2c1b4e55';
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const KID = 'bot-framework-key-1';

let signingKey: KeyLike;
const botFramework = setupServer(
  // Where the Teams SDK reads the Bot Framework's signing keys, and where the bot gets its own token to reply.
  http.get('https://login.botframework.com/v1/.well-known/keys', async () =>
    HttpResponse.json({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, use: 'sig', alg: 'RS256' }] }),
  ),
  http.post('https://login.microsoftonline.com/:tenant/oauth2/v2.0/token', () =>
    HttpResponse.json({ token_type: 'Bearer', expires_in: 3600, access_token: replyToken() }),
  ),
);
let publicKey: KeyLike;

/** The bot's own token for the Bot Connector: the SDK reads its expiry, nothing here checks its signature. */
function replyToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'https://api.botframework.com', exp: Math.floor(Date.now() / 1000) + 3600 })}.signature`;
}

type Claims = { iss?: string; aud?: string; serviceurl?: string; exp?: string | number };

/** A token as the Bot Framework signs it for a message to our bot, with one claim or key changed per test. */
async function botToken(
  serviceUrl: string,
  change: Claims & { key?: KeyLike; alg?: 'RS256' | 'none' } = {},
): Promise<string> {
  const claims = { serviceurl: change.serviceurl ?? serviceUrl };
  if (change.alg === 'none') {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
      ...claims,
      iss: BOT_FRAMEWORK_ISSUER,
      aud: CLIENT_ID,
      iat: now,
      exp: now + 3600,
    })}.`;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer(change.iss ?? BOT_FRAMEWORK_ISSUER)
    .setAudience(change.aud ?? CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime(change.exp ?? '1h')
    .sign(change.key ?? signingKey);
}

describe('the bot endpoint in production mode, against Bot Framework tokens', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);

  beforeAll(async () => {
    ({ privateKey: signingKey, publicKey } = await generateKeyPair('RS256'));
    botFramework.listen({ onUnhandledRequest: 'bypass' });
    server = await startTestServer('pglite', {
      PRACTICA_DEV_MODE: 'false',
      NODE_ENV: 'production',
      CLIENT_ID,
      CLIENT_SECRET: 'test-secret',
      TENANT_ID: DEMO_TENANT.id,
      SEED_DEMO: 'true',
    });
    connector = await startLocalConnector();
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    botFramework.close();
  });

  const post = (token: string, text: string) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(
        messageActivity({
          tenantId: DEMO_TENANT.id,
          aadObjectId: analyst.aadObjectId,
          serviceUrl: connector.serviceUrl,
          text,
        }),
      ),
    });

  it('answers a message carrying a token the Bot Framework signed, and replies in the chat', async () => {
    const response = await post(await botToken(connector.serviceUrl), 'help');
    expect(response.status).toBe(200);
    for (let waited = 0; connector.sent.length === 0 && waited < 5_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connector.sent.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'signed with a key the Bot Framework does not publish',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return { key: privateKey };
      },
    ],
    ['with alg none', async () => ({ alg: 'none' as const })],
    ['expired beyond the clock tolerance', async () => ({ exp: Math.floor(Date.now() / 1000) - 600 })],
    ['for another bot', async () => ({ aud: 'a7c2f0e4-0000-4000-8000-000000000001' })],
    ['from another issuer', async () => ({ iss: 'https://sts.windows.net/attacker/' })],
    ['issued for another service URL', async () => ({ serviceurl: 'https://smba.attacker.example/' })],
  ])('refuses a token %s with 401, and neither replies nor acts', async (_case, change) => {
    const before = connector.sent.length;
    const response = await post(await botToken(connector.serviceUrl, await change()), 'status');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.sent.length).toBe(before);
  });
});
