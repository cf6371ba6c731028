import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  defaultTenantSettings,
  publishWorkflow,
  randomIds,
  systemClock,
  type ManagerVisibility,
  type Person,
  type Session,
} from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { tenantSettings } from '../../store/schema';
import { newSession, personProfile, workflowDefinition } from '../factories';
import { feedback } from '../reviews/review-scenario';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';

const SECRET_INPUT = 'Q3 numbers for ACME-CONFIDENTIAL';
const SECRET_OUTPUT = 'draft text the model wrote';
const SHARED_MEMO = '# Shared variance memo';
const PRIVATE_MEMO = '# Private budget memo';

type Who = 'jordan' | 'rahul' | 'priya' | 'sofia' | 'gabriel' | 'nadia' | 'claire' | 'outsider';
type Json = Record<string, unknown> & { code?: string };

describe.each(testDatabaseKinds())('profile, team and audit API on %s', (kind) => {
  let server: TestServer;
  let people: Record<Who, Person>;
  let sharedSession: Session;
  let privateSession: Session;
  const tokens = new Map<string, string>();

  const setVisibility = async (managerVisibility: ManagerVisibility) => {
    const tenant = (await server.store.tenants.get(DEMO_TENANT.id))!;
    await server.database.db
      .update(tenantSettings)
      .set({ settings: { ...tenant.settings, managerVisibility } })
      .where(eq(tenantSettings.tenantId, DEMO_TENANT.id));
  };
  const get = async (who: Who, path: string): Promise<{ status: number; body: Json; text: string }> => {
    const person = people[who];
    let token = tokens.get(person.id);
    if (!token) {
      token = await server.devTokens!.issue(person);
      tokens.set(person.id, token);
    }
    const response = await fetch(`${server.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Json, text };
  };
  const auditFor = async (subject: Who) =>
    server.store.audit.listForTenant(DEMO_TENANT.id, { subjectPersonId: people[subject].id });

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
      rahul: await byEmail('rahul.mehta'),
      priya: await byEmail('priya.raman'),
      sofia: await byEmail('sofia.lindqvist'),
      gabriel: await byEmail('gabriel.santos'),
      nadia: await byEmail('nadia.haddad'),
      claire: await byEmail('claire.dubois'),
      outsider: await server.store.people.upsertProfile(
        otherTenant,
        personProfile({ tenantId: otherTenant, displayName: 'Olu Outsider' }),
      ),
    };
    expect(people.jordan.managerId).toBe(people.rahul.id);
    const { workflow, version } = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: people.nadia.id,
      definition: workflowDefinition({ title: 'Profile test memo' }),
    });
    const session = (deliverable: string, shared: boolean, startedAt: string) =>
      newSession({
        tenantId: DEMO_TENANT.id,
        personId: people.jordan.id,
        workflowId: workflow.id,
        workflowVersionId: version.id,
        status: 'completed',
        phase: 'done',
        steps: [
          {
            stepId: 'gather',
            inputs: { figures: SECRET_INPUT },
            attempts: [],
            output: SECRET_OUTPUT,
            outputSource: 'llm',
            verification: null,
            startedAt,
            completedAt: startedAt,
          },
        ],
        deliverable,
        feedback: feedback(shared),
        startedAt: new Date(startedAt),
        completedAt: new Date(startedAt),
      });
    sharedSession = session(SHARED_MEMO, true, '2026-11-03T09:00:00.000Z');
    privateSession = session(PRIVATE_MEMO, false, '2026-11-04T09:00:00.000Z');
    await server.store.sessions.create(sharedSession);
    await server.store.sessions.create(privateSession);
    await server.store.levels.save({
      tenantId: DEMO_TENANT.id,
      personId: people.jordan.id,
      skillArea: 'analysis',
      level: 1,
      evidence: [{ kind: 'session', id: sharedSession.id }],
      reachedAt: new Date('2026-11-03T09:00:00.000Z'),
      updatedAt: new Date('2026-11-03T09:00:00.000Z'),
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => setVisibility('shared'));

  it('shows me my levels with evidence and what is next, my certificates, sessions and deliverables; no audit entry', async () => {
    const before = (await auditFor('jordan')).length;
    const { status, body, text } = await get('jordan', '/me/profile');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      relation: 'self',
      managerVisibility: null,
      person: { id: people.jordan.id },
    });
    const analysis = (body.levels as Json[]).find((line) => line.skillArea === 'analysis');
    expect(analysis).toMatchObject({
      level: 1,
      levelName: 'Knows',
      evidence: [{ kind: 'session', id: sharedSession.id }],
      evidenceCounts: { session: 1, certificate: 0 },
      next: expect.any(String),
    });
    expect(body.certificates).toEqual(expect.any(Array));
    expect((body.sessions as Json[]).map((line) => line.id)).toEqual([privateSession.id, sharedSession.id]);
    expect((body.deliverables as Json[]).map((line) => line.markdown)).toEqual([PRIVATE_MEMO, SHARED_MEMO]);
    expect(text).not.toContain(SECRET_INPUT);
    expect(text).not.toContain(SECRET_OUTPUT);
    expect(await auditFor('jordan')).toHaveLength(before);

    const own = await get('jordan', `/people/${people.jordan.id}/profile`);
    expect(own.body).toMatchObject({ relation: 'self' });
  });

  it('pages my sessions with an opaque cursor and refuses a tampered one', async () => {
    const first = await get('jordan', '/me/profile?limit=1');
    expect((first.body.sessions as Json[]).map((line) => line.id)).toEqual([privateSession.id]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get('jordan', `/me/profile?limit=1&cursor=${String(first.body.nextCursor)}`);
    expect((second.body.sessions as Json[]).map((line) => line.id)).toEqual([sharedSession.id]);
    expect(second.body.nextCursor).toBeNull();
    expect(await get('jordan', '/me/profile?cursor=bm9wZQ')).toMatchObject({
      status: 400,
      body: { code: 'invalid_input' },
    });
    expect(await get('jordan', '/me/profile?limit=0')).toMatchObject({
      status: 400,
      body: { code: 'invalid_input' },
    });
  });

  it.each([
    ['levels-only', { sessions: undefined, deliverables: undefined }],
    ['shared', { sessions: undefined, deliverables: [SHARED_MEMO] }],
    ['full', { sessions: 2, deliverables: [SHARED_MEMO] }],
  ] as const)(
    'shows the manager a report’s profile under %s, and audits the read',
    async (visibility, expected) => {
      await setVisibility(visibility);
      const before = (await auditFor('jordan')).length;
      const { status, body, text } = await get('rahul', `/people/${people.jordan.id}/profile`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ relation: 'manager', managerVisibility: visibility });
      const analysis = (body.levels as Json[]).find((line) => line.skillArea === 'analysis')!;
      expect(analysis).toMatchObject({ level: 1, evidenceCounts: { session: 1 } });
      expect(analysis).not.toHaveProperty('evidence');
      expect(analysis).not.toHaveProperty('next');
      expect(body).not.toHaveProperty('certificates');
      expect((body.sessions as Json[] | undefined)?.length).toBe(expected.sessions);
      expect((body.deliverables as Json[] | undefined)?.map((line) => line.markdown)).toEqual(
        expected.deliverables,
      );
      for (const secret of [SECRET_INPUT, SECRET_OUTPUT, PRIVATE_MEMO]) expect(text).not.toContain(secret);
      const entries = await auditFor('jordan');
      expect(entries).toHaveLength(before + 1);
      expect(entries[0]).toMatchObject({
        actorId: people.rahul.id,
        action: 'profile.read',
        details: expect.objectContaining({ managerVisibility: visibility }),
      });
    },
  );

  it.each([
    ['a manager asking for a non-report', 'claire', 'jordan', 403, 'forbidden'],
    ['an author whose workflow they ran', 'nadia', 'jordan', 403, 'forbidden'],
    ['another author', 'gabriel', 'jordan', 403, 'forbidden'],
    ['an L&D admin', 'priya', 'jordan', 403, 'forbidden'],
    ['a colleague with the same manager', 'sofia', 'jordan', 403, 'forbidden'],
    ['a report asking for their manager', 'jordan', 'rahul', 403, 'forbidden'],
    ['a demo manager asking for another tenant’s person', 'rahul', 'outsider', 404, 'not_found'],
    ['another tenant’s person asking for a demo person', 'outsider', 'jordan', 404, 'not_found'],
  ] as const)('refuses %s, and nothing is read or audited', async (_case, who, subject, status, code) => {
    for (const visibility of ['levels-only', 'shared', 'full'] as const) {
      await setVisibility(visibility);
      const before = (await auditFor(subject)).length;
      const answer = await get(who, `/people/${people[subject].id}/profile`);
      expect(answer).toMatchObject({ status, body: { code } });
      expect(answer.text).not.toContain('levels');
      expect(await auditFor(subject)).toHaveLength(before);
    }
  });

  it('answers 404 for an id that is not a person id', async () => {
    expect(await get('rahul', '/people/not-a-uuid/profile')).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await get('rahul', `/people/${randomUUID()}/profile`)).toMatchObject({ status: 404 });
  });

  it.each(['levels-only', 'shared', 'full'] as const)(
    'shows the manager their team under %s: levels and evidence counts, no summary under 5 people, each read audited',
    async (visibility) => {
      await setVisibility(visibility);
      const before = (await auditFor('jordan')).length;
      const { status, body, text } = await get('rahul', '/team');
      expect(status).toBe(200);
      const members = body.members as Json[];
      expect(members.map((member) => member.id)).toEqual(
        expect.arrayContaining([people.jordan.id, people.sofia.id]),
      );
      expect(members.length).toBeLessThan(5);
      expect(members.find((member) => member.id === people.jordan.id)).toMatchObject({
        levels: expect.arrayContaining([
          expect.objectContaining({
            skillArea: 'analysis',
            level: 1,
            evidenceCounts: expect.objectContaining({ session: 1 }),
          }),
        ]),
      });
      expect(body).toMatchObject({
        managerVisibility: visibility,
        summary: null,
        summaryWithheld: expect.stringContaining('5'),
      });
      for (const secret of [SECRET_INPUT, SHARED_MEMO, PRIVATE_MEMO, sharedSession.id])
        expect(text).not.toContain(secret);
      const entries = await auditFor('jordan');
      expect(entries).toHaveLength(before + 1);
      expect(entries[0]).toMatchObject({ actorId: people.rahul.id, action: 'team.read' });
    },
  );

  it('an employee with no reports has an empty team; another tenant’s manager sees none of ours', async () => {
    expect(await get('jordan', '/team')).toMatchObject({ status: 200, body: { members: [], summary: null } });
    expect(await get('outsider', '/team')).toMatchObject({ status: 200, body: { members: [] } });
  });

  it('lets only L&D admins read the audit log, a page at a time, without another tenant’s entries', async () => {
    const foreignEntry = randomUUID();
    await server.store.audit.append({
      id: foreignEntry,
      tenantId: people.outsider.tenantId,
      actorId: people.outsider.id,
      action: 'profile.read',
      subjectPersonId: people.outsider.id,
      details: {},
      at: new Date(),
    });
    await get('rahul', `/people/${people.jordan.id}/profile`);
    for (const who of ['jordan', 'rahul', 'nadia', 'outsider'] as const)
      expect(await get(who, '/audit')).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const first = await get('priya', '/audit?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.entries).toEqual([
      expect.objectContaining({
        actorId: people.rahul.id,
        actorName: people.rahul.displayName,
        action: 'profile.read',
        subjectPersonId: people.jordan.id,
        subjectName: people.jordan.displayName,
      }),
    ]);
    const second = await get('priya', `/audit?limit=1&cursor=${String(first.body.nextCursor)}`);
    expect((second.body.entries as Json[])[0]?.id).not.toBe((first.body.entries as Json[])[0]?.id);
    const aboutJordan = await get('priya', `/audit?subjectPersonId=${people.jordan.id}&limit=200`);
    expect(
      (aboutJordan.body.entries as Json[]).every((entry) => entry.subjectPersonId === people.jordan.id),
    ).toBe(true);
    expect((await get('priya', '/audit?limit=200')).text).not.toContain(foreignEntry);
    expect(await get('priya', '/audit?subjectPersonId=nobody')).toMatchObject({ status: 400 });
  });

  it('shows people per level once the team has 5 people', async () => {
    const rahulAad = people.rahul.aadObjectId;
    for (const name of ['Ana', 'Ben'])
      await server.store.people.upsertProfile(
        DEMO_TENANT.id,
        personProfile({ tenantId: DEMO_TENANT.id, displayName: `${name} New`, managerAadObjectId: rahulAad }),
      );
    const { body } = await get('rahul', '/team');
    const members = body.members as Json[];
    expect(members.length).toBeGreaterThanOrEqual(5);
    expect(body.summaryWithheld).toBeNull();
    const analysis = (body.summary as Json[]).find((area) => area.skillArea === 'analysis')!;
    const counts = analysis.peopleByLevel as Record<string, number>;
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(members.length);
    expect(counts.L1).toBeGreaterThanOrEqual(1);
  });
});
