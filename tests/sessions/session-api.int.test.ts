import { publishWorkflow, randomIds, systemClock, type Person, type Session } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { newSession, workflowDefinition } from '../factories';
import { feedback } from '../reviews/review-scenario';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';

const SECRET_INPUT = 'ACME-CONFIDENTIAL ledger extract';
const SECRET_OUTPUT = 'the model wrote this about ACME';

describe.each(testDatabaseKinds())('GET /api/v1/sessions/{id} on %s', (kind) => {
  let server: TestServer;
  let jordan: Person;
  let rahul: Person;
  let session: Session;

  const get = async (who: Person, path: string) => {
    const token = await server.devTokens!.issue(who);
    const response = await fetch(`${server.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    jordan = await byEmail('jordan.ellis');
    rahul = await byEmail('rahul.mehta');
    const author = await byEmail('nadia.haddad');
    const definition = workflowDefinition({ title: 'Session API memo' });
    const { workflow, version } = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: author.id,
      definition,
    });
    const [first] = version.definition.steps;
    session = newSession({
      tenantId: DEMO_TENANT.id,
      personId: jordan.id,
      workflowId: workflow.id,
      workflowVersionId: version.id,
      status: 'completed',
      phase: 'done',
      currentStepIndex: version.definition.steps.length,
      steps: [
        {
          stepId: first!.id,
          inputs: { figures: SECRET_INPUT },
          attempts: [],
          output: SECRET_OUTPUT,
          outputSource: 'edited',
          verification: null,
          startedAt: '2026-11-03T09:00:00.000Z',
          completedAt: '2026-11-03T09:10:00.000Z',
        },
      ],
      deliverable: '# Memo',
      feedback: { ...feedback(true), whatBroke: { stepId: first!.id, text: 'the prompt ignored Q3' } },
      activeMs: 25 * 60_000,
      completedAt: new Date('2026-11-03T09:30:00.000Z'),
    });
    await server.store.sessions.create(session);
  });
  afterAll(async () => server?.close());

  it('shows the owner where the session stands, step by step, with their feedback but never inputs or outputs', async () => {
    const { status, text } = await get(jordan, `/sessions/${session.id}`);
    expect(status).toBe(200);
    const body = JSON.parse(text) as {
      viewerRole: string;
      workflowTitle: string;
      activeMinutes: number;
      steps: { state: string; outputSource: string | null }[];
      feedback: { whatBroke: { text: string } | null; sharedForReview: boolean };
      hasDeliverable: boolean;
    };
    expect(body).toMatchObject({
      viewerRole: 'owner',
      workflowTitle: 'Session API memo',
      activeMinutes: 25,
      hasDeliverable: true,
      feedback: { whatBroke: { text: 'the prompt ignored Q3' }, sharedForReview: true },
    });
    expect(body.steps[0]).toMatchObject({ state: 'done', outputSource: 'edited' });
    expect(text).not.toContain(SECRET_INPUT);
    expect(text).not.toContain(SECRET_OUTPUT);
  });

  it('shows the manager a shared session without what broke, and writes the read to the audit log', async () => {
    const before = await server.store.audit.listForTenant(DEMO_TENANT.id, { subjectPersonId: jordan.id });
    const { status, text } = await get(rahul, `/sessions/${session.id}`);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ viewerRole: 'manager', feedback: { whatBroke: null } });
    expect(text).not.toContain('ignored Q3');
    const after = await server.store.audit.listForTenant(DEMO_TENANT.id, { subjectPersonId: jordan.id });
    expect(after.length).toBe(before.length + 1);
    expect(after.find((entry) => entry.action === 'session.read')).toMatchObject({
      actorId: rahul.id,
      details: { sessionId: session.id },
    });
  });

  it('answers 404 for an id that is not a session', async () => {
    expect((await get(jordan, '/sessions/not-a-session')).status).toBe(404);
    expect((await get(jordan, '/sessions/0b9c3c7e-93a8-4a50-9d2c-4a4b0b1f6a3e')).status).toBe(404);
  });
});
