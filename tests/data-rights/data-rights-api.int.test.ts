import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_NUDGE_PREFERENCES,
  FORMER_COLLEAGUE_ID,
  GONE_PERSON_NAME,
  publishWorkflow,
  randomIds,
  recordCertificates,
  startInterview,
  startSession,
  systemClock,
  type Person,
} from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { newSession, personProfile, seedTenant, workflowDefinition } from '../factories';
import { feedback } from '../reviews/review-scenario';
import { PERSON_DATA_COVERAGE } from '../../store/repositories/person-data-coverage';
import { nudgeRepository } from '../../store/repositories/nudge-repository';
import { xapiOutbox } from '../../store/schema';
import { LMS_HOME_PAGE, type LocalLrs, lrsTargetEnv, startLocalLrs } from '../support/lrs';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { tablesMentioning } from './person-data-scan';
import { eventually } from '../support/eventually';

const SECRET_INPUT = 'CONFIDENTIAL Q3 headcount plan for the Leeds office';
const CAPTURE_ANSWER = 'A rolling 13-week cash forecast for the treasury committee';

type ExportBody = {
  person: Record<string, unknown>;
  sessions: { id: string; steps: unknown[] }[];
  reviewsReceived: unknown[];
  reviewsGiven: { id: string; comment: string | null }[];
  levels: { skillArea: string; level: number }[];
  levelChanges: unknown[];
  events: { type: string }[];
  attestationsGiven: { personId: string }[];
  certificates: { name: string }[];
  authoredWorkflows: { id: string }[];
  captureInterviews: { answers: Record<string, string> }[];
  nudgePreferences: { kindsOff: string[] } | null;
  nudgesSent: { key: string; kind: string }[];
  statements: { target: string; statementIds: string[]; rows: { status: string }[] }[];
  auditEntries: { action: string }[];
};

/**
 * Rahul (a manager, an author and a learner) is exported and erased. Jordan reports to him, ran his workflow,
 * was reviewed and attested by him; Nadia wrote the workflow Rahul ran. Statements go to a real local LRS.
 */
describe.each(testDatabaseKinds())('data export and erasure over the tab API on %s', (kind) => {
  let lrs: LocalLrs;
  let server: TestServer;
  let people: Record<'rahul' | 'jordan' | 'nadia' | 'admin', Person>;
  let rahulWorkflowId: string;
  let jordanSessionId: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    lrs = await startLocalLrs();
    server = await startTestServer(kind, {
      ...lrsTargetEnv(lrs),
      LRS_DISPATCH_POLL_MS: '50',
    });
    const byEmail = async (local: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${local}@northwind.example`))!;
    people = {
      rahul: await byEmail('rahul.mehta'),
      jordan: await byEmail('jordan.ellis'),
      nadia: await byEmail('nadia.haddad'),
      admin: (await server.store.people.list(DEMO_TENANT.id)).find((p) => p.roles.includes('admin'))!,
    };
    expect(people.jordan.managerId).toBe(people.rahul.id);
    const context = { store: server.store, clock: systemClock, ids: randomIds, tenantId: DEMO_TENANT.id };

    // Rahul authors a workflow Jordan runs; he runs Nadia's; he holds a certificate (and so a level).
    const rahuls = await publishWorkflow({
      ...context,
      authorId: people.rahul.id,
      definition: workflowDefinition({ title: 'Forecast bridge (Rahul)' }),
    });
    rahulWorkflowId = rahuls.workflow.id;
    const nadias = await publishWorkflow({
      ...context,
      authorId: people.nadia.id,
      definition: workflowDefinition({ title: 'Variance memo (Nadia)' }),
    });
    const started = await startSession({
      ...context,
      personId: people.rahul.id,
      workflowId: nadias.workflow.id,
      llmAvailable: false,
    });
    if (started.kind !== 'started') throw new Error('Rahul could not start a session');
    await server.store.sessions.compareAndSet({
      ...started.session,
      version: started.session.version + 1,
      steps: [{ ...(started.session.steps[0] ?? {}), inputs: { table: SECRET_INPUT } } as never],
    });
    await recordCertificates({
      ...context,
      records: [
        {
          personId: people.rahul.id,
          name: 'AI for finance leaders',
          issuer: 'Northwind Academy',
          activityId: `${LMS_HOME_PAGE}/courses/ai-finance-leaders`,
          skillArea: 'analysis',
          issuedAt: new Date('2026-10-01T00:00:00Z'),
          statementId: randomUUID(),
          source: 'csv',
        },
      ],
    });

    // Rahul turned one kind of nudge off after being sent one, and began capturing a workflow by chat.
    const nudges = nudgeRepository(server.database.db);
    const now = new Date();
    await nudges.savePreferences(
      DEMO_TENANT.id,
      people.rahul.id,
      { ...DEFAULT_NUDGE_PREFERENCES, kindsOff: ['toward_l2'] },
      now,
    );
    const sentNudge = await nudges.reserve({
      tenantId: DEMO_TENANT.id,
      key: `toward_l2:${people.rahul.id}:${nadias.workflow.id}:1`,
      personId: people.rahul.id,
      kind: 'toward_l2',
      at: now,
      limit: 2,
      since: new Date(now.getTime() - 7 * 24 * 3_600_000),
    });
    expect(sentNudge).toBe('reserved');
    const interview = startInterview({
      id: randomUUID(),
      tenantId: DEMO_TENANT.id,
      authorId: people.rahul.id,
      now,
    });
    await server.store.captureInterviews.create({ ...interview, answers: { task: CAPTURE_ANSWER } });

    // Jordan completes Rahul's workflow and shares it; Rahul reviews it and attests a redesign.
    const jordanSession = newSession({
      tenantId: DEMO_TENANT.id,
      personId: people.jordan.id,
      workflowId: rahuls.workflow.id,
      workflowVersionId: rahuls.version.id,
      status: 'completed',
      phase: 'done',
      deliverable: '# Bridge\n\nRevenue rose 4%.',
      feedback: feedback(true),
      completedAt: new Date(),
    });
    jordanSessionId = jordanSession.id;
    await server.store.sessions.create(jordanSession);
    await server.store.events.append({
      id: randomUUID(),
      tenantId: DEMO_TENANT.id,
      type: 'workflow.reused',
      personId: people.jordan.id,
      sessionId: jordanSession.id,
      workflowId: rahuls.workflow.id,
      occurredAt: new Date(),
      data: { authorId: people.rahul.id, workflowVersionId: rahuls.version.id },
    });
    const reviewed = await call(people.rahul, 'POST', `/sessions/${jordanSession.id}/review`, {
      scores: { accuracy: 4, clarity: 4, actions: 4 },
      comment: 'Good bridge. Rahul',
    });
    expect(reviewed.status).toBe(201);
    const attested = await call(people.rahul, 'POST', `/people/${people.jordan.id}/attestations`, {
      skillArea: 'analysis',
      note: 'Month-end close redesigned around the bridge workflow.',
    });
    expect(attested.status).toBe(201);
    expect((await call(people.rahul, 'GET', `/people/${people.jordan.id}/profile`)).status).toBe(200);

    // Everything about Rahul reaches the LRS before the test starts.
    await eventually(async () => {
      const rows = (await server.store.xapiOutbox.list(DEMO_TENANT.id)).filter(
        (row) => row.personId === people.rahul.id,
      );
      return rows.length >= 3 && rows.every((row) => row.status === 'sent');
    }, "Rahul's statements sent");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await lrs?.stop();
  });

  async function tokenOf(person: Person): Promise<string> {
    let token = tokens.get(person.id);
    if (!token) {
      token = await server.devTokens!.issue(person);
      tokens.set(person.id, token);
    }
    return token;
  }
  async function call(person: Person, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(person)}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
    });
  }
  const rahulsSentStatements = async () =>
    (await server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'lms', status: 'sent' }))
      .filter((row) => row.personId === people.rahul.id)
      .map((row) => row.statementId)
      .sort();

  it('gives an L&D admin everything Practica holds about a person, and audits it', async () => {
    const response = await call(people.admin, 'GET', `/admin/people/${people.rahul.id}/export`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExportBody;
    expect(body.person).toMatchObject({ id: people.rahul.id, email: people.rahul.email });
    expect(JSON.stringify(body.sessions)).toContain(SECRET_INPUT);
    expect(body.reviewsGiven).toEqual([expect.objectContaining({ comment: 'Good bridge. Rahul' })]);
    expect(body.attestationsGiven).toEqual([expect.objectContaining({ personId: people.jordan.id })]);
    expect(body.certificates).toContainEqual(expect.objectContaining({ name: 'AI for finance leaders' }));
    expect(body.levels).toContainEqual(expect.objectContaining({ skillArea: 'analysis', level: 1 }));
    expect(body.levelChanges.length).toBeGreaterThan(0);
    expect(body.events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'workflow.published',
        'session.started',
        'certificate.imported',
        'level.changed',
      ]),
    );
    expect(body.authoredWorkflows).toEqual([expect.objectContaining({ id: rahulWorkflowId })]);
    const lms = body.statements.find((group) => group.target === 'lms');
    expect(lms?.statementIds.sort()).toEqual(await rahulsSentStatements());
    expect(body.captureInterviews).toEqual([expect.objectContaining({ answers: { task: CAPTURE_ANSWER } })]);
    expect(body.nudgePreferences).toMatchObject({ kindsOff: ['toward_l2'] });
    expect(body.nudgesSent).toEqual([expect.objectContaining({ kind: 'toward_l2' })]);
    // Jordan's manager read about Jordan is Jordan's, not Rahul's: only entries about Rahul are his.
    expect(body.auditEntries.map((entry) => entry.action)).toContain('person.exported');
    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id, {
      subjectPersonId: people.rahul.id,
    });
    expect(audit[0]).toMatchObject({ action: 'person.exported', actorId: people.admin.id });
  });

  it('shows, in the export, every table that holds something about the person', async () => {
    const response = await call(people.admin, 'GET', `/admin/people/${people.rahul.id}/export`);
    const body = (await response.json()) as Record<string, unknown>;
    const needles = [people.rahul.id, people.rahul.email, people.rahul.aadObjectId];
    const holding = Object.keys(await tablesMentioning(server.database.db, needles));
    expect(holding).toEqual(expect.arrayContaining(['people', 'capture_interviews', 'nudge_preferences']));
    const missing = holding.filter((table) => {
      const exported = PERSON_DATA_COVERAGE[table]?.export;
      if (!exported) return true;
      if ('not' in exported) return false;
      return !exported.in.some((key) => {
        const value = body[key];
        return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
      });
    });
    expect(missing).toEqual([]);
  });

  it('lets a person export their own data, and nobody else’s', async () => {
    const own = await call(people.jordan, 'GET', '/me/export');
    expect(own.status).toBe(200);
    const body = (await own.json()) as ExportBody;
    expect(body.person).toMatchObject({ id: people.jordan.id });
    expect(body.reviewsReceived).toHaveLength(1);
    expect(body.sessions.map((session) => session.id)).toContain(jordanSessionId);

    const refused = await call(people.jordan, 'GET', `/admin/people/${people.rahul.id}/export`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden' });
    const unknown = await call(people.admin, 'GET', `/admin/people/${randomUUID()}/export`);
    expect(unknown.status).toBe(404);
    const otherTenant = await seedTenant(server.store);
    const stranger = await server.store.people.upsertProfile(
      otherTenant,
      personProfile({ tenantId: otherTenant }),
    );
    const foreign = await call(people.admin, 'GET', `/admin/people/${stranger.id}/export`);
    expect(foreign.status).toBe(404);
  });

  it('refuses an erasure without the right confirmation, by a non-admin, or of oneself, and changes nothing', async () => {
    const path = `/admin/people/${people.rahul.id}/erase`;
    const cases: [Person, unknown, number, string][] = [
      [people.admin, { confirmEmail: 'someone.else@northwind.example' }, 400, 'invalid_input'],
      [people.admin, {}, 400, 'invalid_input'],
      [people.admin, '', 400, 'malformed_json'],
      [people.admin, { confirmEmail: people.rahul.email, force: true }, 400, 'invalid_input'],
      [people.jordan, { confirmEmail: people.rahul.email }, 403, 'forbidden'],
    ];
    for (const [caller, body, status, code] of cases) {
      const response = await call(caller, 'POST', path, body);
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([status, code]);
    }
    const self = await call(people.admin, 'POST', `/admin/people/${people.admin.id}/erase`, {
      confirmEmail: people.admin.email,
    });
    expect(self.status).toBe(400);
    expect(await server.store.people.get(DEMO_TENANT.id, people.rahul.id)).not.toBeNull();
    expect((await rahulsSentStatements()).length).toBeGreaterThan(0);
  });

  it('erases the person in one go: only the audit trail remains, and their statements are voided on the LRS', async () => {
    const sent = await rahulsSentStatements();
    // A statement still waiting (held for an identifier, or due later) never reached the LRS: dropped, not voided.
    const waiting = ['held', 'pending'].map((status) => {
      const statementId = randomUUID();
      return {
        id: randomUUID(),
        tenantId: DEMO_TENANT.id,
        statementId,
        target: 'lms',
        eventId: null,
        personId: people.rahul.id,
        payload: { id: statementId },
        status: status as 'held' | 'pending',
        nextAttemptAt: new Date(Date.now() + 3_600_000),
      };
    });
    await server.store.xapiOutbox.enqueue(waiting);
    // The LMS's own record of a course Rahul completed is not Practica's to withdraw.
    const lmsRecord = randomUUID();
    const posted = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: lrs.authorization,
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body: JSON.stringify({
        id: lmsRecord,
        actor: {
          objectType: 'Agent',
          account: { homePage: LMS_HOME_PAGE, name: people.rahul.lmsIdentifier },
        },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { objectType: 'Activity', id: `${LMS_HOME_PAGE}/courses/finance-101` },
      }),
    });
    expect(posted.status).toBe(200);
    // Housekeeping has forgotten one acknowledged statement (after 30 days); the LRS still holds it.
    const forgotten = sent[0]!;
    await server.database.db.delete(xapiOutbox).where(eq(xapiOutbox.statementId, forgotten));
    expect(await rahulsSentStatements()).not.toContain(forgotten);
    const response = await call(people.admin, 'POST', `/admin/people/${people.rahul.id}/erase`, {
      confirmEmail: people.rahul.email.toUpperCase(),
    });
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as {
      statements: { target: string; statementIds: string[]; voidingQueued: boolean; lrsSearched: boolean }[];
    };
    expect(receipt.statements).toEqual([
      { target: 'lms', statementIds: expect.any(Array), voidingQueued: true, lrsSearched: true },
    ]);
    expect(receipt.statements[0]!.statementIds.sort()).toEqual(sent);
    const outbox = await server.store.xapiOutbox.list(DEMO_TENANT.id);
    for (const row of waiting)
      expect(outbox.find((entry) => entry.statementId === row.statementId)).toBeUndefined();

    expect((await call(people.admin, 'GET', `/admin/people/${people.rahul.id}/export`)).status).toBe(404);
    const needles = [people.rahul.id, people.rahul.email, people.rahul.aadObjectId, people.rahul.displayName];
    if (people.rahul.lmsIdentifier) needles.push(people.rahul.lmsIdentifier);
    expect(await tablesMentioning(server.database.db, needles)).toEqual({ audit_log: expect.any(Number) });
    const [erased] = await server.store.audit.listForTenant(DEMO_TENANT.id, {
      subjectPersonId: people.rahul.id,
    });
    expect(erased).toMatchObject({ action: 'person.erased', actorId: people.admin.id });
    // The audit log still tells an admin who did it, about someone no longer named.
    const log = (await (
      await call(people.admin, 'GET', `/audit?subjectPersonId=${people.rahul.id}`)
    ).json()) as {
      entries: { action: string; actorName: string; subjectName: string }[];
    };
    expect(log.entries[0]).toMatchObject({
      action: 'person.erased',
      actorName: people.admin.displayName,
      subjectName: GONE_PERSON_NAME,
    });
    expect(JSON.stringify(erased!.details)).toContain(sent[0]);

    // What others hold stays, pointing at a former colleague.
    expect((await server.store.people.get(DEMO_TENANT.id, people.jordan.id))?.managerId).toBeNull();
    expect((await server.store.workflows.get(DEMO_TENANT.id, rahulWorkflowId))?.authorId).toBe(
      FORMER_COLLEAGUE_ID,
    );
    const [review] = await server.store.reviews.listForSession(DEMO_TENANT.id, jordanSessionId);
    expect(review).toMatchObject({ reviewerId: FORMER_COLLEAGUE_ID, comment: null, meanScore: 4 });
    const attestations = await server.store.events.listForTenant(DEMO_TENANT.id, {
      type: 'practice.attested',
    });
    expect(attestations.find((event) => event.personId === people.jordan.id)?.data.attestedBy).toBe(
      FORMER_COLLEAGUE_ID,
    );

    // The LRS administrator's copy: every statement of Rahul's now reads as voided there.
    await eventually(async () => {
      const voiding = await server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'lms' });
      return voiding.filter((row) => row.personId === null && row.status === 'sent').length >= sent.length;
    }, 'every voiding statement sent');
    const stillVisible = (await lrs.statements()).map((statement) => statement.id);
    expect(stillVisible.filter((id) => sent.includes(id as string))).toEqual([]);
    expect(stillVisible).toContain(lmsRecord);
    expect(receipt.statements[0]!.statementIds).not.toContain(lmsRecord);
    for (const statementId of sent) {
      const voided = await fetch(`${lrs.endpoint}statements?voidedStatementId=${statementId}`, {
        headers: { Authorization: lrs.authorization, 'X-Experience-API-Version': '1.0.3' },
      });
      expect(voided.status).toBe(200);
      expect(((await voided.json()) as { id: string }).id).toBe(statementId);
    }
  });
});
