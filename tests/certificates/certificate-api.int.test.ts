import { randomUUID } from 'node:crypto';
import { defaultTenantSettings, type Person } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { personProfile } from '../factories';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';

type Who = 'jordan' | 'sofia' | 'rahul' | 'priya' | 'outsider';
type Json = Record<string, unknown> & { code?: string; details?: Json[] };

describe.each(testDatabaseKinds())('certificates API on %s', (kind) => {
  let server: TestServer;
  let people: Record<Who, Person>;

  const call = async (who: Who, method: string, path: string, body?: string, contentType = 'text/csv') => {
    const token = await server.devTokens!.issue(people[who]);
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const importCsv = (who: Who, lines: string[], contentType?: string) =>
    call(who, 'POST', '/admin/certificates/import', lines.join('\r\n'), contentType);
  const certificatesOf = async (who: Who) =>
    server.store.certificates.listForPerson(people[who].tenantId, people[who].id);
  const importAudit = async () =>
    (await server.store.audit.listForTenant(DEMO_TENANT.id, { limit: 500 })).filter(
      (entry) => entry.action === 'certificates.imported_csv',
    );

  beforeAll(async () => {
    server = await startTestServer(kind);
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    const otherTenant = randomUUID();
    await server.store.tenants.ensure({
      id: otherTenant,
      displayName: 'Contoso',
      settings: defaultTenantSettings(),
    });
    people = {
      jordan: await byEmail('jordan.ellis'),
      sofia: await byEmail('sofia.lindqvist'),
      rahul: await byEmail('rahul.mehta'),
      priya: await byEmail('priya.raman'),
      outsider: await server.store.people.upsertProfile(
        otherTenant,
        personProfile({ tenantId: otherTenant, email: 'olu@contoso.example', roles: ['employee', 'admin'] }),
      ),
    };
  });
  afterAll(async () => {
    await server?.close();
  });

  it('imports the good rows, answers each bad row with its line, audits the import, and a second import adds nothing', async () => {
    const jordanBefore = (await certificatesOf('jordan')).length;
    const auditBefore = (await importAudit()).length;
    const lines = [
      'Email,Course Name,Completion Date,Issuer,Skill Area',
      'jordan.ellis@northwind.example,Prompting for analysts,2026-03-02,Northwind Academy,analysis',
      'nobody@northwind.example,Ghost course,2026-03-02,,',
      'sofia.lindqvist@northwind.example,"Writing with AI, level 2",2026-04-10,,writing',
      'jordan.ellis@northwind.example,Spreadsheet sense,31/12/2026,,',
      'olu@contoso.example,Contoso course,2026-03-02,,',
      'JORDAN.ELLIS@northwind.example,Data storytelling,2026-05-20,,',
    ];
    const first = await importCsv('priya', lines);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      rows: 3,
      added: 3,
      alreadyKnown: 0,
      skipped: 3,
      errors: [
        { line: 3, message: expect.stringContaining('nobody@northwind.example') },
        { line: 5, message: expect.stringContaining('is not a date') },
        { line: 6, message: expect.stringContaining('olu@contoso.example') },
      ],
    });
    const jordans = await certificatesOf('jordan');
    expect(jordans).toHaveLength(jordanBefore + 2);
    expect(jordans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Prompting for analysts', skillArea: 'analysis', source: 'csv' }),
        expect.objectContaining({ name: 'Data storytelling', source: 'csv' }),
      ]),
    );
    expect((await certificatesOf('sofia')).map((certificate) => certificate.name)).toContain(
      'Writing with AI, level 2',
    );
    expect(await certificatesOf('outsider')).toEqual([]);
    const audit = await importAudit();
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit[0]).toMatchObject({ actorId: people.priya.id, details: { rows: 3, added: 3, skipped: 3 } });

    const again = await importCsv('priya', lines);
    expect(again.body).toMatchObject({ rows: 3, added: 0, alreadyKnown: 3, skipped: 3 });
    expect(await certificatesOf('jordan')).toHaveLength(jordanBefore + 2);
  });

  it('shows me my own certificates, newest first, without voided ones', async () => {
    await importCsv('priya', [
      'email,name,issued_at',
      'jordan.ellis@northwind.example,Withdrawn course,2026-06-01',
      'rahul.mehta@northwind.example,Rahul only,2026-06-02',
    ]);
    const withdrawn = (await certificatesOf('jordan')).find(
      (certificate) => certificate.name === 'Withdrawn course',
    )!;
    await server.store.certificates.voidByStatementIds(DEMO_TENANT.id, [withdrawn.statementId]);

    const { status, body } = await call('jordan', 'GET', '/me/certificates');
    expect(status).toBe(200);
    const listed = body.certificates as Json[];
    const expected = (await certificatesOf('jordan')).filter((certificate) => !certificate.voided);
    expect(listed.map((certificate) => certificate.id).sort()).toEqual(
      expected.map((certificate) => certificate.id).sort(),
    );
    expect(listed.map((certificate) => certificate.name)).not.toContain('Withdrawn course');
    expect(listed.map((certificate) => certificate.name)).not.toContain('Rahul only');
    const dates = listed.map((certificate) => certificate.issuedAt as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Only what the employee needs; no person or statement ids leave.
    expect(Object.keys(listed[0]!).sort()).toEqual([
      'id',
      'issuedAt',
      'issuer',
      'name',
      'skillArea',
      'source',
    ]);
  });

  it('lets only L&D admins import (403, nothing stored), and only as text/csv (415)', async () => {
    const lines = ['email,name,issued_at', 'jordan.ellis@northwind.example,Sneaky course,2026-03-02'];
    for (const who of ['jordan', 'sofia', 'rahul'] as const) {
      const reply = await importCsv(who, lines);
      expect([who, reply.status, reply.body.code]).toEqual([who, 403, 'forbidden']);
    }
    const json = await importCsv('priya', lines, 'application/json');
    expect(json).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
    expect((await certificatesOf('jordan')).map((certificate) => certificate.name)).not.toContain(
      'Sneaky course',
    );
  });

  it('refuses a file with no good row, or without the needed columns, with 400 and every problem by line', async () => {
    const auditBefore = (await importAudit()).length;
    const allBad = await importCsv('priya', [
      'email,name,issued_at',
      'nobody@northwind.example,Ghost,2026-03-02',
      'jordan.ellis@northwind.example,,2026-03-02',
    ]);
    expect(allBad).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
    expect(allBad.body.details).toEqual([
      expect.objectContaining({ path: 'line 2' }),
      expect.objectContaining({ path: 'line 3', message: 'the certificate name is empty' }),
    ]);
    const noDate = await importCsv('priya', ['email,name', 'jordan.ellis@northwind.example,Course']);
    expect(noDate).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
    expect(noDate.body.message).toContain('issued_at');
    expect((await importCsv('priya', [''])).status).toBe(400);
    expect(await importAudit()).toHaveLength(auditBefore);
  });

  it("never reaches another tenant's people: their admin's import of our emails stores nothing", async () => {
    const before = (await certificatesOf('jordan')).length;
    const reply = await importCsv('outsider', [
      'email,name,issued_at',
      'jordan.ellis@northwind.example,Cross-tenant course,2026-03-02',
    ]);
    expect(reply).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
    expect(await certificatesOf('jordan')).toHaveLength(before);
    expect((await call('outsider', 'GET', '/me/certificates')).body.certificates).toEqual([]);
  });
});
