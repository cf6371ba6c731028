import validateStatement from '@learninglocker/xapi-validation';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import {
  actOnSession,
  publishWorkflow,
  randomIds,
  reviewDeliverable,
  startSession,
  type Person,
  type SessionAction,
} from '../../core';
import type { LrsTarget } from '../../lms-connector/targets';
import { DEMO_TENANT } from '../../server/demo';
import schema from '../fixtures/ob_v3p0_achievementcredential_schema.json';
import { fixedClock, workflowDefinition } from '../factories';
import { startTestServer, type TestServer } from '../support/practica-server';
import { independentlyVerifies, type Jwk } from '../support/es256';
import { testDatabaseKinds } from '../support/test-database';

const DAY_MS = 86_400_000;
const SECRET = 'CONFIDENTIAL: Lisbon offsite overspend 84,000 for J. Smith';
const UNREACHABLE_LRS: LrsTarget = {
  name: 'lms',
  endpoint: 'http://127.0.0.1:9/xapi/',
  auth: { kind: 'basic', username: 'practica', password: 'not-used' },
  actor: { kind: 'account', homePage: 'https://lms.northwind.example' },
};

const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown> & {
    exp: number;
    validUntil: string;
  };

const withPayload = (jwt: string, change: (payload: Record<string, unknown>) => void) => {
  const [header, , signature] = jwt.split('.');
  const payload = payloadOf(jwt);
  change(payload);
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
};

describe.each(testDatabaseKinds())('Open Badges credentials of practice on %s', (kind) => {
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  let server: TestServer;
  let jordan: Person;
  let manager: Person;
  let priya: Person;

  const byEmail = async (email: string) => (await server.store.people.findByEmail(DEMO_TENANT.id, email))!;
  const api = async (who: Person, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${await server.devTokens!.issue(who)}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
  const credentialsOf = (person: Person) => server.store.credentials.listForPerson(DEMO_TENANT.id, person.id);
  async function waitForCredentials(person: Person, count: number) {
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      const credentials = await credentialsOf(person);
      if (credentials.length >= count) return credentials;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${person.displayName} did not get ${count} credential(s)`);
  }
  const jwks = async () =>
    (
      (await (await fetch(`${server.url}/credentials/tenants/${DEMO_TENANT.id}/jwks.json`)).json()) as {
        keys: Jwk[];
      }
    ).keys;

  /** One whole run of the workflow, with confidential material, rated 4 and shared for review. */
  async function runOnce(workflowId: string): Promise<string> {
    const base = {
      store: server.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      llmAvailable: false,
    };
    const started = await startSession({ ...base, personId: jordan.id, workflowId });
    if (started.kind !== 'started') throw new Error('not started');
    const actions: SessionAction[] = [
      { type: 'submit_inputs', inputs: { variances: SECRET } },
      { type: 'provide_output', text: `Memo: ${SECRET}` },
      { type: 'complete_verification', checked: [], corrections: '' },
      {
        type: 'submit_feedback',
        feedback: { ratings: { accuracy: 4, clarity: 4, actions: 4 }, shareForReview: true },
      },
    ];
    for (const action of actions) {
      clock.advance(3 * 60_000);
      const result = await actOnSession({
        ...base,
        sessionId: started.session.id,
        action,
        actorPersonId: jordan.id,
      });
      if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
    }
    return started.session.id;
  }

  let workflowId: string;
  let thirdRunAt: Date;

  beforeAll(async () => {
    server = await startTestServer(kind, {}, { clock, lrsTargets: () => [UNREACHABLE_LRS] });
    jordan = await byEmail('jordan.ellis@northwind.example');
    manager = (await server.store.people.get(DEMO_TENANT.id, jordan.managerId!))!;
    priya = await byEmail('priya.raman@northwind.example');
    const author = await byEmail('sofia.lindqvist@northwind.example');
    ({
      workflow: { id: workflowId },
    } = await publishWorkflow({
      store: server.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: author.id,
      definition: workflowDefinition({ title: 'Credential test: variance memo' }),
    }));
    const first = await runOnce(workflowId);
    await reviewDeliverable({
      store: server.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      reviewerId: manager.id,
      sessionId: first,
      input: { scores: { accuracy: 5, clarity: 4, actions: 4 } },
    });
    clock.advance(DAY_MS);
    await runOnce(workflowId);
    expect(await credentialsOf(jordan)).toEqual([]);
    clock.advance(7 * DAY_MS);
    await runOnce(workflowId);
    // A session is completed when its deliverable is assembled, one step (3 minutes) before its feedback.
    thirdRunAt = new Date(clock.now().getTime() - 3 * 60_000);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('issues a signed OpenBadgeCredential on reaching L2 that an independent verifier accepts and that validates against the Open Badges 3.0 schema', async () => {
    const [stored] = await waitForCredentials(jordan, 1);
    const response = await fetch(`${server.url}/credentials/${stored!.id}`, {
      headers: { accept: 'application/vc+jwt' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vc+jwt');
    const jwt = await response.text();
    expect(independentlyVerifies(jwt, await jwks())).toBe(true);

    const credential = payloadOf(jwt);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(credential) ? [] : validate.errors).toEqual([]);
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { type: ['Profile'], name: DEMO_TENANT.displayName, url: expect.any(String) },
      credentialSubject: {
        identifier: [{ identityType: 'name', identityHash: 'Jordan Ellis' }],
        achievement: {
          name: 'L2 Practises: Analysis & reporting',
          criteria: { narrative: expect.stringMatching(/3 times across at least 2 different weeks/) },
        },
      },
      evidence: [
        {
          type: ['Evidence'],
          name: 'Credential test: variance memo',
          description: expect.stringMatching(
            /^3 completed runs .* 1 reviewed, mean reviewer score 4\.3 out of 5\./,
          ),
        },
      ],
    });
    // It lasts as long as the practice would: until the level would lapse, 60 days after the last run.
    expect(credential.validUntil).toBe(new Date(thirdRunAt.getTime() + 60 * DAY_MS).toISOString());
    expect(credential.exp).toBe((thirdRunAt.getTime() + 60 * DAY_MS) / 1000);
    // Its issuer and achievement ids resolve to what it embeds.
    const issuer = credential.issuer as { id: string };
    const achievement = (credential.credentialSubject as { achievement: { id: string } }).achievement;
    expect(await (await fetch(issuer.id.replace(/^https?:\/\/[^/]+/, server.url))).json()).toMatchObject(
      issuer,
    );
    expect(await (await fetch(achievement.id.replace(/^https?:\/\/[^/]+/, server.url))).json()).toMatchObject(
      achievement,
    );
    // The JSON form is the same credential.
    expect(await (await fetch(`${server.url}/credentials/${stored!.id}`)).json()).toEqual(credential);

    const text = JSON.stringify(credential);
    for (const leak of [SECRET, 'Lisbon', jordan.email, jordan.id, jordan.aadObjectId])
      expect(text).not.toContain(leak);
  });

  it('fails verification after any tampering with its content or signature', async () => {
    const [stored] = await credentialsOf(jordan);
    const keys = await jwks();
    const jwt = stored!.jwt!;
    const tampered = [
      withPayload(jwt, (payload) => {
        payload.validUntil = '2099-01-01T00:00:00.000Z';
      }),
      withPayload(jwt, (payload) => {
        (
          payload.credentialSubject as { identifier: { identityHash: string }[] }
        ).identifier[0]!.identityHash = 'Someone Else';
      }),
      withPayload(jwt, (payload) => {
        payload.evidence = [];
      }),
      `${jwt.slice(0, -6)}${jwt.slice(-6).split('').reverse().join('')}`,
    ];
    expect(independentlyVerifies(jwt, keys)).toBe(true);
    for (const altered of tampered) expect(independentlyVerifies(altered, keys)).toBe(false);
  });

  it('shows a verification page with issuer, holder, achievement and dates, and says when it no longer verifies because it expired', async () => {
    const [stored] = await credentialsOf(jordan);
    const page = async () => (await fetch(`${server.url}/credentials/${stored!.id}/verify`)).text();
    const now = await page();
    expect(now).toContain('This credential verifies');
    for (const shown of [
      DEMO_TENANT.displayName,
      'Jordan Ellis',
      'L2 Practises: Analysis &amp; reporting',
      'Credential test: variance memo',
    ])
      expect(now).toContain(shown);

    const saved = clock.now();
    clock.set(stored!.validUntil.toISOString());
    try {
      const expired = await page();
      expect(expired).toContain('does not verify: it has expired');
      // An independent verifier sees the same from the standard `exp` claim.
      expect(payloadOf(stored!.jwt!).exp * 1000).toBeLessThanOrEqual(clock.now().getTime());
    } finally {
      clock.set(saved.toISOString());
    }
  });

  it('sends the LMS a valid xAPI `earned` statement that links to the credential and carries none of the work', async () => {
    const [stored] = await credentialsOf(jordan);
    const earned = (await server.store.xapiOutbox.list(DEMO_TENANT.id, { limit: 500 })).filter(
      (row) => (row.payload as { verb: { id: string } }).verb.id === 'http://id.tincanapi.com/verb/earned',
    );
    expect(earned).toHaveLength(1);
    const statement = earned[0]!.payload as Record<string, unknown>;
    expect(statement.object).toMatchObject({
      id: expect.stringMatching(new RegExp(`/credentials/${stored!.id}$`)),
      definition: { moreInfo: expect.stringMatching(new RegExp(`/credentials/${stored!.id}/verify$`)) },
    });
    expect(statement.actor).toMatchObject({ account: { name: jordan.lmsIdentifier } });
    expect(validateStatement(JSON.parse(JSON.stringify(statement)))).toEqual([]);
    expect(JSON.stringify(statement)).not.toContain('Lisbon');
  });

  it('lets the employee list and download their credentials, and nobody else download them', async () => {
    const [stored] = await credentialsOf(jordan);
    const list = (await (await api(jordan, '/me/credentials')).json()) as {
      credentials: Record<string, unknown>[];
    };
    expect(list.credentials).toEqual([
      expect.objectContaining({ id: stored!.id, skillAreaName: 'Analysis & reporting', status: 'valid' }),
    ]);
    const download = await api(jordan, `/me/credentials/${stored!.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(await download.text()).toBe(stored!.jwt);
    expect((await api(manager, `/me/credentials/${stored!.id}/download`)).status).toBe(404);
    expect((await api(manager, '/me/credentials')).status).toBe(200);
  });

  it('answers unknown or malformed credential ids with 404, never an error', async () => {
    for (const id of ['not-a-uuid', '6f1c2b3a-0000-4000-8000-000000000001', "1' or '1'='1"]) {
      expect((await fetch(`${server.url}/credentials/${encodeURIComponent(id)}`)).status).toBe(404);
      expect((await fetch(`${server.url}/credentials/${encodeURIComponent(id)}/verify`)).status).toBe(404);
    }
    expect((await fetch(`${server.url}/credentials/tenants/not-a-tenant/jwks.json`)).status).toBe(404);
  });

  it('issues a new credential when the first expires while the employee keeps practising (a renewed L2)', async () => {
    const [first] = await credentialsOf(jordan);
    // A run just before the lapse keeps L2; the daily check after the first credential expired renews it.
    clock.set(new Date(first!.validUntil.getTime() - 2 * DAY_MS).toISOString());
    await runOnce(workflowId);
    clock.set(new Date(first!.validUntil.getTime() + DAY_MS).toISOString());
    const credentials = await waitForCredentials(jordan, 2);
    const renewed = credentials.find((credential) => credential.id !== first!.id)!;
    expect(renewed.validFrom.getTime()).toBeGreaterThanOrEqual(first!.validUntil.getTime());
    expect(independentlyVerifies(renewed.jwt!, await jwks())).toBe(true);
  });

  it("revokes an erased person's credentials: the revocation list names them, the page says revoked, and nothing about the person stays", async () => {
    const before = await credentialsOf(jordan);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const erased = await api(priya, `/admin/people/${jordan.id}/erase`, {
      method: 'POST',
      body: JSON.stringify({ confirmEmail: jordan.email }),
    });
    expect(erased.status).toBe(200);

    const list = (await (
      await fetch(`${server.url}/credentials/tenants/${DEMO_TENANT.id}/revocations`)
    ).json()) as { type: string; revokedCredentials: { id: string; revoked: boolean }[] };
    expect(list.type).toBe('1EdTechRevocationList');
    for (const credential of before) {
      expect(list.revokedCredentials).toContainEqual(
        expect.objectContaining({
          id: expect.stringMatching(new RegExp(`/credentials/${credential.id}$`)),
          revoked: true,
        }),
      );
      expect((await fetch(`${server.url}/credentials/${credential.id}`)).status).toBe(410);
      const page = await (await fetch(`${server.url}/credentials/${credential.id}/verify`)).text();
      expect(page).toContain('does not verify: it has been revoked');
      expect(page).not.toContain('Jordan Ellis');
      expect(await server.store.credentials.findPublic(credential.id)).toMatchObject({
        personId: null,
        holderName: null,
        jwt: null,
        revocationReason: 'erased',
      });
    }
  });
});
