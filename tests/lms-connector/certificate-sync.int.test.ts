import { randomUUID } from 'node:crypto';
import { randomIds, type Store } from '../../core';
import { syncCertificates } from '../../lms-connector/certificates';
import { createLrsClient } from '../../lms-connector/client';
import { PROFILE_VERSION_IRI } from '../../lms-connector/statements';
import type { LrsTarget } from '../../lms-connector/targets';
import { createStore } from '../../store';
import { fixedClock, personProfile, seedTenant } from '../factories';
import { startLocalLrs, type LocalLrs } from '../support/lrs';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const HOME = 'https://lms.contoso.com';
const PATTERNS = [{ pattern: `${HOME}/courses/ai-*`, skillArea: 'analysis' }];

describe('certificate sync against a real LRS', () => {
  let lrs: LocalLrs;
  let database: TestDatabase;
  let store: Store;
  let target: LrsTarget;

  beforeAll(async () => {
    [lrs, database] = await Promise.all([startLocalLrs(), createTestDatabase('pglite')]);
    store = createStore(database.db);
    target = {
      name: 'lms',
      endpoint: lrs.endpoint,
      auth: { kind: 'basic', ...lrs.basic },
      actor: { kind: 'account', homePage: HOME },
    };
  });
  afterAll(async () => {
    await lrs?.stop();
    await database?.drop();
  });

  const post = async (statements: unknown[]) => {
    const response = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: lrs.authorization,
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body: JSON.stringify(statements),
    });
    if (response.status !== 200) throw new Error(`LRS answered ${response.status}: ${await response.text()}`);
  };
  const statement = (name: string, verb: string, course: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    actor: { objectType: 'Agent', name, account: { homePage: HOME, name } },
    verb: { id: verb, display: { en: verb.split('/').at(-1) } },
    object: {
      objectType: 'Activity',
      id: `${HOME}/courses/${course}`,
      definition: { name: { 'en-US': course } },
    },
    timestamp: '2026-03-31T10:00:00Z',
    ...extra,
  });

  async function tenant() {
    const tenantId = await seedTenant(store);
    const ana = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, lmsIdentifier: `E-${randomUUID().slice(0, 6)}` }),
    );
    const ben = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, lmsIdentifier: `E-${randomUUID().slice(0, 6)}` }),
    );
    return { tenantId, ana, ben };
  }
  const sync = (tenantId: string, since: Date | null, client = createLrsClient(target)) =>
    syncCertificates({
      store,
      clock: fixedClock('2026-11-02T09:00:00Z'),
      ids: randomIds,
      tenantId,
      target,
      client,
      since,
      baseUrl: 'https://practica.contoso.com',
      patterns: PATTERNS,
      pageSize: 2,
    });

  it('stores completed, passed, earned and achieved certificates of our people, once, then applies voiding', async () => {
    const { tenantId, ana, ben } = await tenant();
    const anaId = ana.lmsIdentifier ?? '';
    const benId = ben.lmsIdentifier ?? '';
    const anaCompleted = statement(anaId, 'http://adlnet.gov/expapi/verbs/completed', 'ai-analysis-101');
    await post([
      anaCompleted,
      statement(anaId, 'http://adlnet.gov/expapi/verbs/passed', 'ai-prompting-quiz', {
        result: { success: true },
      }),
      statement(benId, 'http://id.tincanapi.com/verb/earned', 'data-badge'),
      statement(benId, 'http://adlnet.gov/expapi/verbs/achieved', 'ai-champion'),
      statement(benId, 'http://adlnet.gov/expapi/verbs/passed', 'ai-exam', { result: { success: false } }),
      statement('E-stranger', 'http://adlnet.gov/expapi/verbs/completed', 'ai-analysis-101'),
      statement(anaId, 'http://adlnet.gov/expapi/verbs/completed', 'workflow', {
        context: { contextActivities: { category: [{ id: PROFILE_VERSION_IRI }] } },
      }),
      statement(anaId, 'http://adlnet.gov/expapi/verbs/attempted', 'ai-analysis-101'),
    ]);

    const first = await sync(tenantId, null);
    expect(first).toMatchObject({ target: 'lms', added: 4, voided: 0 });
    expect(first.watermark).toBeInstanceOf(Date);
    const stored = await store.certificates.listForTenant(tenantId);
    expect(stored.map((c) => [c.personId === ana.id ? 'ana' : 'ben', c.name, c.skillArea]).sort()).toEqual([
      ['ana', 'ai-analysis-101', 'analysis'],
      ['ana', 'ai-prompting-quiz', 'analysis'],
      ['ben', 'ai-champion', 'analysis'],
      ['ben', 'data-badge', null],
    ]);
    expect(await store.events.listForTenant(tenantId, { type: 'certificate.imported' })).toHaveLength(4);

    const again = await sync(tenantId, null);
    expect(again.added).toBe(0);
    expect(await store.certificates.listForTenant(tenantId)).toHaveLength(4);

    await post([
      {
        id: randomUUID(),
        actor: { objectType: 'Agent', account: { homePage: HOME, name: 'lms-admin' } },
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { en: 'voided' } },
        object: { objectType: 'StatementRef', id: anaCompleted.id },
      },
    ]);
    const afterVoid = await sync(tenantId, first.watermark);
    expect(afterVoid).toMatchObject({ added: 0, voided: 1 });
    const anas = await store.certificates.listForPerson(tenantId, ana.id);
    expect(anas.find((c) => c.statementId === anaCompleted.id)?.voided).toBe(true);
    expect(await store.events.listForTenant(tenantId, { type: 'certificate.voided' })).toEqual([
      expect.objectContaining({
        personId: ana.id,
        data: expect.objectContaining({ name: 'ai-analysis-101' }),
      }),
    ]);
  });

  it('reads past an LRS whose more links are broken', async () => {
    const { tenantId, ana } = await tenant();
    const anaId = ana.lmsIdentifier ?? '';
    await post(
      Array.from({ length: 7 }, (_, n) =>
        statement(anaId, 'http://id.tincanapi.com/verb/earned', `ai-badge-${n}`, {
          timestamp: `2026-04-0${n + 1}T10:00:00Z`,
        }),
      ),
    );
    // A proxy in front of the real LRS that points every `more` link at a path the LRS does not serve.
    const brokenMore: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('application/json')) return response;
      const body = (await response.json()) as { more?: string };
      if (typeof body.more === 'string' && body.more) body.more = '/xAPI/statements/broken-more-link';
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const result = await sync(tenantId, null, createLrsClient(target, { fetch: brokenMore }));
    expect(result.added).toBe(7);
    expect((await store.certificates.listForPerson(tenantId, ana.id)).map((c) => c.name).sort()).toEqual(
      Array.from({ length: 7 }, (_, n) => `ai-badge-${n}`),
    );
  });

  it('fails (for the job to retry) when the LRS refuses the credentials, and stores nothing', async () => {
    const { tenantId } = await tenant();
    const wrong = createLrsClient({
      ...target,
      auth: { kind: 'basic', username: 'practica', password: 'wrong' },
    });
    await expect(sync(tenantId, null, wrong)).rejects.toThrow();
    expect(await store.certificates.listForTenant(tenantId)).toEqual([]);
  });
});
