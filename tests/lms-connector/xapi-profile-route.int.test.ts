import { startTestServer, type TestServer } from '../support/practica-server';

describe('GET /xapi/profile', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { SEED_DEMO: 'false' });
  });
  afterAll(() => server?.close());

  it('serves the xAPI Profile as JSON-LD to anyone, without signing in', async () => {
    const response = await fetch(`${server.url}/xapi/profile`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const profile = (await response.json()) as {
      conformsTo: string;
      id: string;
      concepts: { id: string; type: string }[];
    };
    expect(profile.conformsTo).toBe('https://w3id.org/xapi/profiles#1.0');
    expect(profile.id).toBe('https://practica.app/xapi/profile');
    expect(profile.concepts).toContainEqual(
      expect.objectContaining({ id: 'http://adlnet.gov/expapi/verbs/completed', type: 'Verb' }),
    );
    expect(profile.concepts).toContainEqual(
      expect.objectContaining({
        id: 'https://practica.app/xapi/extensions/minutes-saved',
        type: 'ResultExtension',
      }),
    );
  });

  it('answers other methods on the profile with a clear 404 and changes nothing', async () => {
    const response = await fetch(`${server.url}/xapi/profile`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });
});
