import { randomUUID } from 'node:crypto';
import { createLrsClient, LrsAuthError, LrsHttpError, type LrsClient } from '../../lms-connector/client';
import type { LrsTarget } from '../../lms-connector/targets';
import { startLocalLrs, type LocalLrs } from '../support/lrs';

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

function statement(overrides: { id?: string; verb?: string; registration?: string } = {}) {
  return {
    id: overrides.id ?? randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'E1001' } },
    verb: { id: overrides.verb ?? COMPLETED, display: { en: 'completed' } },
    object: { objectType: 'Activity', id: 'https://practica.example.com/workflows/variance-commentary' },
    context: { registration: overrides.registration ?? randomUUID() },
  };
}

describe('LRS client against a real LRS', () => {
  let lrs: LocalLrs;
  let basicTarget: LrsTarget;
  let client: LrsClient;

  beforeAll(async () => {
    lrs = await startLocalLrs();
    basicTarget = {
      name: 'lms',
      endpoint: lrs.endpoint,
      auth: { kind: 'basic', ...lrs.basic },
      actor: { kind: 'account', homePage: 'https://lms.example.com' },
    };
    client = createLrsClient(basicTarget);
  });
  afterAll(() => lrs.stop());

  const storedIn = async (registration: string) =>
    (await lrs.statements()).filter(
      (s) => (s.context as { registration?: string } | undefined)?.registration === registration,
    );

  it('checks the xAPI version at /about', async () => {
    await expect(client.checkVersion()).resolves.toContain('1.0.3');
  });

  it('sends a batch, and sending the same statements again stores nothing twice', async () => {
    const registration = randomUUID();
    const batch = [statement({ registration }), statement({ registration }), statement({ registration })];
    await expect(client.sendStatements(batch)).resolves.toEqual(batch.map((s) => s.id));
    await expect(client.sendStatements(batch)).resolves.toEqual(batch.map((s) => s.id));

    expect((await storedIn(registration)).map((s) => s.id).sort()).toEqual(batch.map((s) => s.id).sort());
    await expect(client.getStatement(batch[0]!.id)).resolves.toMatchObject({ id: batch[0]!.id });
    await expect(client.getStatement(randomUUID())).resolves.toBeNull();
  });

  it('answers 409 for a stored id with other content, and 400 with the LRS message for a bad statement', async () => {
    const stored = statement();
    await client.sendStatements([stored]);
    await expect(
      client.sendStatements([{ ...stored, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } }]),
    ).rejects.toMatchObject({
      status: 409,
    });
    const refusal = await client
      .sendStatements([{ ...statement(), actor: { name: 'nobody' } }])
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LrsHttpError);
    expect((refusal as LrsHttpError).status).toBe(400);
    expect((refusal as LrsHttpError).message).toContain('statements.0.actor');
  });

  it('voids a statement: it is then only found as voided', async () => {
    const target = statement();
    await client.sendStatements([target]);
    await client.sendStatements([
      {
        id: randomUUID(),
        actor: { objectType: 'Agent', mbox: 'mailto:practica@example.org' },
        verb: { id: VOIDED, display: { en: 'voided' } },
        object: { objectType: 'StatementRef', id: target.id },
      },
    ]);
    await expect(client.getStatement(target.id)).resolves.toBeNull();
    await expect(client.getVoidedStatement(target.id)).resolves.toMatchObject({ id: target.id });
  });

  it('queries by verb and since, following `more` across pages', async () => {
    const since = new Date(Date.now() - 1000);
    const PASSED = 'http://adlnet.gov/expapi/verbs/passed';
    const passed = [1, 2, 3, 4, 5].map(() => statement({ verb: PASSED }));
    await client.sendStatements([...passed, statement()]);

    const pages = [];
    for await (const page of client.queryStatements({ verb: PASSED, since, limit: 2 })) pages.push(page);
    expect(pages.length).toBe(3);
    expect(pages.flatMap((page) => page.statements.map((s) => s.id)).sort()).toEqual(
      passed.map((s) => s.id).sort(),
    );
    expect(pages[0]!.consistentThrough).toEqual(expect.any(String));
  });

  it('sends with an OAuth 2.0 client-credentials token, fetched once and reused', async () => {
    const before = await lrs.tokensIssued();
    const oauthClient = createLrsClient({
      ...basicTarget,
      auth: { kind: 'oauth2', ...lrs.oauth },
    });
    const registration = randomUUID();
    await oauthClient.sendStatements([statement({ registration })]);
    await oauthClient.sendStatements([statement({ registration })]);
    expect(await storedIn(registration)).toHaveLength(2);
    expect((await lrs.tokensIssued()) - before).toBe(1);
  });

  it('reports refused credentials: 401 from the LRS, an auth error from the token endpoint; nothing stored', async () => {
    const registration = randomUUID();
    const wrongPassword = createLrsClient({
      ...basicTarget,
      auth: { kind: 'basic', username: lrs.basic.username, password: 'wrong' },
    });
    await expect(wrongPassword.sendStatements([statement({ registration })])).rejects.toMatchObject({
      status: 401,
    });
    const wrongSecret = createLrsClient({
      ...basicTarget,
      auth: { kind: 'oauth2', ...lrs.oauth, clientSecret: 'wrong' },
    });
    await expect(wrongSecret.sendStatements([statement({ registration })])).rejects.toBeInstanceOf(
      LrsAuthError,
    );
    expect(await storedIn(registration)).toHaveLength(0);
  });
});
