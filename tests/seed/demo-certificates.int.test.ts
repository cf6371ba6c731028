import { randomIds, silentLogger, type Store } from '../../core';
import { DEMO_CERTIFICATES, DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT } from '../../server/demo';
import { seedDemoTenant } from '../../server/seed/seed-demo';
import { createStore } from '../../store';
import { fixedClock } from '../factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('demo certificates', () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    store = createStore(database.db);
  });
  afterAll(() => database.drop());

  it('gives a few demo people LMS certificates in their skill areas, as L1 evidence events, once', async () => {
    const seed = () =>
      seedDemoTenant({
        store,
        clock: fixedClock('2026-11-02T09:00:00Z'),
        ids: randomIds,
        logger: silentLogger,
        history: false,
      });
    expect((await seed()).certificatesSeeded).toBe(DEMO_CERTIFICATES.length);

    const jordan = await store.people.findByEmail(DEMO_TENANT.id, DEMO_DEFAULT_USER_EMAIL);
    expect(await store.certificates.listForPerson(DEMO_TENANT.id, jordan?.id ?? '')).toEqual([
      expect.objectContaining({
        name: 'AI for analysts: essentials',
        skillArea: 'analysis',
        issuedAt: new Date('2026-07-05T00:00:00Z'),
        source: 'demo',
      }),
    ]);
    const all = await store.certificates.listForTenant(DEMO_TENANT.id);
    expect(all.find((certificate) => certificate.name === 'Data privacy for everyone')?.skillArea).toBeNull();
    const events = await store.events.listForTenant(DEMO_TENANT.id, { type: 'certificate.imported' });
    expect(events).toHaveLength(DEMO_CERTIFICATES.length);
    expect((await store.tenants.get(DEMO_TENANT.id))?.settings.certificateSkillAreaPatterns).toHaveLength(3);

    expect((await seed()).certificatesSeeded).toBe(0);
    expect(await store.certificates.listForTenant(DEMO_TENANT.id)).toHaveLength(DEMO_CERTIFICATES.length);
  });
});
