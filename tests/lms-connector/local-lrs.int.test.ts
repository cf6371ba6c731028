import { randomUUID } from 'node:crypto';
import { startLocalLrs, type LocalLrs } from '../support/lrs';

/** The LRS the connector's suites run against behaves as an LRS must on the points the outbox relies on. */
describe('local LRS (xapi-statements)', () => {
  let lrs: LocalLrs;

  beforeAll(async () => {
    lrs = await startLocalLrs();
  });
  afterAll(() => lrs.stop());

  const post = (body: unknown, authorization = lrs.authorization) =>
    fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body: JSON.stringify(body),
    });

  const statement = (id: string, verb = 'http://adlnet.gov/expapi/verbs/completed') => ({
    id,
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'E1001' } },
    verb: { id: verb },
    object: { objectType: 'Activity', id: 'https://practica.example.com/workflows/w1' },
  });

  it('stores a batch, accepts the same batch again, and refuses different content under a stored id', async () => {
    const ids: string[] = [randomUUID(), randomUUID()];
    expect((await post(ids.map((id) => statement(id)))).status).toBe(200);
    expect((await post(ids.map((id) => statement(id)))).status).toBe(200);
    const conflict = await post([statement(ids[0]!, 'http://adlnet.gov/expapi/verbs/passed')]);
    expect(conflict.status).toBe(409);

    const stored = await lrs.statements();
    expect(stored.filter((s) => ids.includes(s.id as string))).toHaveLength(2);
  });

  it('answers 401 to wrong credentials and stores nothing', async () => {
    const id = randomUUID();
    const wrong = `Basic ${Buffer.from('practica:wrong').toString('base64')}`;
    expect((await post([statement(id)], wrong)).status).toBe(401);
    expect((await lrs.statements()).some((s) => s.id === id)).toBe(false);
  });
});
