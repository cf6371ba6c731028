import { importCertificatesCsv, randomIds, type Store } from '../../core';
import { createStore } from '../../store';
import { fixedClock, personProfile, seedTenant } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

describe.each(testDatabaseKinds())('certificate CSV import on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = createStore(database.db);
  });
  afterAll(() => database.drop());

  async function tenantWithPeople() {
    const tenantId = await seedTenant(store);
    const admin = await store.people.upsertProfile(tenantId, personProfile({ tenantId, roles: ['admin'] }));
    const ana = await store.people.upsertProfile(
      tenantId,
      personProfile({
        tenantId,
        displayName: 'Ana Ortiz',
        email: 'ana.ortiz@contoso.com',
        lmsIdentifier: 'E-100',
      }),
    );
    const ben = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Ben Ng', email: 'ben.ng@contoso.com', lmsIdentifier: 'E-200' }),
    );
    const run = (csv: string) =>
      importCertificatesCsv({
        store,
        clock: fixedClock('2026-11-02T09:00:00Z'),
        ids: randomIds,
        tenantId,
        adminId: admin.id,
        csv,
        patterns: [{ pattern: 'https://lms.contoso.com/courses/ai-*', skillArea: 'analysis' }],
      });
    return { tenantId, admin, ana, ben, run };
  }

  it('imports certificates by email or LMS identifier, maps skill areas, raises the L1-evidence events, and a second import adds nothing', async () => {
    const { tenantId, ana, ben, run } = await tenantWithPeople();
    const csv = [
      'Email,LMS ID,Course Name,Completion Date,Issuer,Course ID,Skill Area',
      'ANA.ORTIZ@contoso.com,,"AI for analysts, part 1",2026-03-31,Contoso Academy,https://lms.contoso.com/courses/ai-analysts-1,',
      ',E-200,"Writing with ""AI""",2026-04-02T15:30:00Z,,,writing',
      ',E-200,Fire safety,2026-01-10,,https://lms.contoso.com/courses/fire,',
    ].join('\r\n');

    expect(await run(csv)).toEqual({ rows: 3, added: 3, alreadyKnown: 0, skipped: 0, problems: [] });
    const anas = await store.certificates.listForPerson(tenantId, ana.id);
    expect(anas).toEqual([
      expect.objectContaining({
        name: 'AI for analysts, part 1',
        issuer: 'Contoso Academy',
        skillArea: 'analysis',
        issuedAt: new Date('2026-03-31T00:00:00Z'),
        source: 'csv',
        voided: false,
      }),
    ]);
    const bens = await store.certificates.listForPerson(tenantId, ben.id);
    expect(bens.map((certificate) => [certificate.name, certificate.skillArea])).toEqual([
      ['Writing with "AI"', 'writing'],
      ['Fire safety', null],
    ]);
    const events = await store.events.listForTenant(tenantId, { type: 'certificate.imported' });
    expect(events.map((event) => [event.personId, event.data.skillArea]).sort()).toEqual(
      [
        [ana.id, 'analysis'],
        [ben.id, 'writing'],
        [ben.id, null],
      ].sort(),
    );
    expect((await store.audit.listForTenant(tenantId))[0]).toMatchObject({
      action: 'certificates.imported_csv',
      details: { rows: 3, added: 3 },
    });

    expect(await run(csv)).toEqual({ rows: 3, added: 0, alreadyKnown: 3, skipped: 0, problems: [] });
    expect(await store.certificates.listForTenant(tenantId)).toHaveLength(3);
    expect(await store.events.listForTenant(tenantId, { type: 'certificate.imported' })).toHaveLength(3);
  });

  it('stores nothing and names every bad line when any row is wrong', async () => {
    const { tenantId, run } = await tenantWithPeople();
    const csv = [
      'email,name,issued_at,skill_area',
      'ana.ortiz@contoso.com,Good course,2026-03-31,',
      'nobody@contoso.com,Lost course,2026-03-31,',
      'ben.ng@contoso.com,,31/03/2026,',
      'ben.ng@contoso.com,Future course,2027-01-01,cooking',
      'ben.ng@contoso.com,Too,many,fields,here',
    ].join('\n');
    const failure = run(csv);
    await expect(failure).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(run(csv)).rejects.toThrow(/Nothing was imported; 4 rows need fixing/);
    await expect(run(csv)).rejects.toThrow(
      /line 3: no one in Practica has the email or LMS identifier "nobody@contoso.com"/,
    );
    await expect(run(csv)).rejects.toThrow(
      /line 4: the certificate name is empty; line 4: "31\/03\/2026" is not a date/,
    );
    await expect(run(csv)).rejects.toThrow(
      /line 5: 2027-01-01 is in the future; line 5: "cooking" is not one of this tenant's skill areas/,
    );
    await expect(run(csv)).rejects.toThrow(/line 6: has 5 fields; the header has 4/);
    expect(await store.certificates.listForTenant(tenantId)).toEqual([]);
    expect(await store.events.listForTenant(tenantId)).toEqual([]);
  });

  it('refuses a file without the needed columns, without rows, or that is not valid CSV', async () => {
    const { run } = await tenantWithPeople();
    await expect(run('person,course\nana,AI')).rejects.toThrow(
      'The CSV header needs the columns email or lms_identifier, issued_at.',
    );
    await expect(run('email,name,issued_at\n')).rejects.toThrow(/has no certificates/);
    await expect(run('email,name,issued_at\nana.ortiz@contoso.com,"AI,2026-01-01')).rejects.toThrow(
      'The CSV cannot be read at line 2: a quoted field is never closed.',
    );
  });
});
