import { randomUUID } from 'node:crypto';
import {
  factsFromEvents,
  publishWorkflow,
  randomIds,
  systemClock,
  DEFAULT_LEVEL_THRESHOLDS,
  type Person,
  type Session,
} from '../../core';
import { statementsForEvent } from '../../lms-connector/statements';
import { DEMO_TENANT } from '../../server/demo';
import { newSession, personProfile, seedTenant, workflowDefinition } from '../factories';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { feedback } from './review-scenario';

const scores = { accuracy: 4, clarity: 5, actions: 3 };

describe.each(testDatabaseKinds())('reviews and attestations over the tab API on %s', (kind) => {
  let server: TestServer;
  let people: Record<'jordan' | 'rahul' | 'sofia' | 'nadia', Person>;
  let workflowId: string;
  let versionId: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer(kind);
    const byEmail = async (email: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${email}@northwind.example`))!;
    people = {
      jordan: await byEmail('jordan.ellis'),
      rahul: await byEmail('rahul.mehta'),
      sofia: await byEmail('sofia.lindqvist'),
      nadia: await byEmail('nadia.haddad'),
    };
    expect(people.jordan.managerId).toBe(people.rahul.id);
    expect(people.sofia.managerId).toBe(people.rahul.id);
    const published = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: people.nadia.id,
      definition: workflowDefinition({ title: 'Review test memo' }),
    });
    workflowId = published.workflow.id;
    versionId = published.version.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  const tokenOf = async (person: Person) => {
    let token = tokens.get(person.id);
    if (!token) {
      token = await server.devTokens!.issue(person);
      tokens.set(person.id, token);
    }
    return token;
  };
  const call = async (person: Person, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(person)}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
    });
  const completedSession = async (overrides: Partial<Session> = {}) => {
    const session = newSession({
      tenantId: DEMO_TENANT.id,
      personId: people.jordan.id,
      workflowId,
      workflowVersionId: versionId,
      status: 'completed',
      phase: 'done',
      deliverable: '# Variance memo\n\nRevenue rose 4% on two early renewals.',
      feedback: feedback(true),
      completedAt: new Date(),
      ...overrides,
    });
    await server.store.sessions.create(session);
    return session;
  };
  const written = async (sessionId: string) => ({
    reviews: await server.store.reviews.listForSession(DEMO_TENANT.id, sessionId),
    events: (await server.store.events.listForTenant(DEMO_TENANT.id, { type: 'session.reviewed' })).filter(
      (event) => event.sessionId === sessionId,
    ),
  });

  it('lets the manager see the request and score a shared deliverable; the review outranks the self-rating', async () => {
    const session = await completedSession();
    const requests = await call(people.rahul, 'GET', '/reviews');
    expect(requests.status).toBe(200);
    const { requests: listed } = (await requests.json()) as { requests: Record<string, unknown>[] };
    expect(listed).toContainEqual(
      expect.objectContaining({
        sessionId: session.id,
        ownerName: people.jordan.displayName,
        workflowTitle: 'Review test memo',
        reviewerRole: 'manager',
        rubric: expect.arrayContaining([expect.objectContaining({ id: 'accuracy' })]),
      }),
    );

    const response = await call(people.rahul, 'POST', `/sessions/${session.id}/review`, {
      scores,
      comment: 'Clear and short. Name an owner for the Acme follow-up.',
    });
    expect(response.status).toBe(201);
    const { review } = (await response.json()) as { review: { id: string; meanScore: number } };
    expect(review).toMatchObject({ meanScore: 4, reviewerRole: 'manager' });

    const { reviews, events } = await written(session.id);
    expect(reviews).toEqual([
      expect.objectContaining({ reviewerId: people.rahul.id, comment: expect.stringContaining('Acme') }),
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        personId: people.jordan.id,
        workflowId,
        data: expect.objectContaining({ reviewId: review.id, meanScore: 4, reviewerRole: 'manager' }),
      }),
    ]);
    // The level rules see the reviewer's 4 on this run, not Jordan's self-rating of 3.
    const completed = {
      ...events[0]!,
      id: randomUUID(),
      type: 'session.completed' as const,
      occurredAt: new Date(events[0]!.occurredAt.getTime() - 60_000),
      data: { skillArea: 'analysis' },
    };
    const rated = {
      ...completed,
      id: randomUUID(),
      type: 'session.rated' as const,
      data: { meanRating: 3, minutesTaken: 30 },
    };
    const facts = factsFromEvents(
      [completed, rated, events[0]!],
      new Map([[workflowId, { title: 'Review test memo', authorId: people.nadia.id }]]),
      DEFAULT_LEVEL_THRESHOLDS,
    );
    expect(facts.get(people.jordan.id)?.runs[0]).toMatchObject({
      selfScore: 3,
      review: { id: review.id, meanScore: 4 },
    });
    // The LMS mapping reads the event as it is written.
    const statements = statementsForEvent(events[0]!, {
      baseUrl: 'https://practica.example.com',
      language: 'en',
      workflow: { id: workflowId, title: 'Review test memo', skillArea: 'analysis', versionNumber: 1 },
      skillAreas: [],
      sendFailed: false,
    });
    expect(statements.map((statement) => statement.verb.id)).toEqual([
      'http://adlnet.gov/expapi/verbs/passed',
    ]);

    // The request is gone for the manager, the review is audited, and a second review is refused.
    const after = (await (await call(people.rahul, 'GET', '/reviews')).json()) as {
      requests: { sessionId: string }[];
    };
    expect(after.requests.map((request) => request.sessionId)).not.toContain(session.id);
    const again = await call(people.rahul, 'POST', `/sessions/${session.id}/review`, { scores });
    expect(again.status).toBe(409);
    expect((await written(session.id)).reviews).toHaveLength(1);
    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id, {
      subjectPersonId: people.jordan.id,
    });
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'deliverable.reviewed', actorId: people.rahul.id }),
    );
  });

  it('lets the workflow’s author review too', async () => {
    const session = await completedSession();
    const listed = (await (await call(people.nadia, 'GET', '/reviews')).json()) as {
      requests: { sessionId: string; reviewerRole: string }[];
    };
    expect(listed.requests).toContainEqual(
      expect.objectContaining({ sessionId: session.id, reviewerRole: 'author' }),
    );
    const response = await call(people.nadia, 'POST', `/sessions/${session.id}/review`, { scores });
    expect(response.status).toBe(201);
    expect((await written(session.id)).reviews).toHaveLength(1);
  });

  it('refuses a colleague, the owner and a review of an unshared deliverable, writing nothing', async () => {
    const shared = await completedSession();
    const unshared = await completedSession({ feedback: feedback(false) });

    const colleague = await call(people.sofia, 'POST', `/sessions/${shared.id}/review`, { scores });
    expect(colleague.status).toBe(404);
    expect(await colleague.json()).toMatchObject({ code: 'not_found' });
    const own = await call(people.jordan, 'POST', `/sessions/${shared.id}/review`, { scores });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { message: string }).message).toContain('your own deliverable');
    for (const reviewer of [people.rahul, people.nadia]) {
      const response = await call(reviewer, 'POST', `/sessions/${unshared.id}/review`, { scores });
      expect(response.status).toBe(404);
      const listed = (await (await call(reviewer, 'GET', '/reviews')).json()) as {
        requests: { sessionId: string }[];
      };
      expect(listed.requests.map((request) => request.sessionId)).not.toContain(unshared.id);
    }
    for (const id of [shared.id, unshared.id]) expect(await written(id)).toEqual({ reviews: [], events: [] });
    const colleagueRequests = (await (await call(people.sofia, 'GET', '/reviews')).json()) as {
      requests: unknown[];
    };
    expect(colleagueRequests.requests).toEqual([]);
  });

  it('lets the owner share after feedback from the tab, after which the manager may review', async () => {
    const session = await completedSession({ feedback: feedback(false) });
    expect((await call(people.rahul, 'POST', `/sessions/${session.id}/review`, { scores })).status).toBe(404);
    expect((await call(people.rahul, 'POST', `/sessions/${session.id}/share`)).status).toBe(404);
    const share = await call(people.jordan, 'POST', `/sessions/${session.id}/share`);
    expect(share.status).toBe(200);
    expect(await share.json()).toEqual({ sessionId: session.id, shared: true, alreadyShared: false });
    const stored = await server.store.sessions.get(DEMO_TENANT.id, session.id);
    expect(stored?.feedback).toMatchObject({ sharedForReview: true, meanRating: 3 });
    expect((await call(people.rahul, 'POST', `/sessions/${session.id}/review`, { scores })).status).toBe(201);

    const unrated = await completedSession({ phase: 'feedback', feedback: null });
    const early = await call(people.jordan, 'POST', `/sessions/${unrated.id}/share`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { message: string }).message).toContain('Give your feedback');
  });

  it('keeps another tenant’s sessions and people invisible', async () => {
    const otherTenant = await seedTenant(server.store);
    const outsider = await server.store.people.upsertProfile(
      otherTenant,
      personProfile({ tenantId: otherTenant }),
    );
    const otherOwner = await server.store.people.upsertProfile(
      otherTenant,
      personProfile({ tenantId: otherTenant, managerAadObjectId: outsider.aadObjectId }),
    );
    const otherWorkflow = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: otherTenant,
      authorId: outsider.id,
      definition: workflowDefinition(),
    });
    const foreign = newSession({
      tenantId: otherTenant,
      personId: otherOwner.id,
      workflowId: otherWorkflow.workflow.id,
      workflowVersionId: otherWorkflow.version.id,
      status: 'completed',
      phase: 'done',
      deliverable: '# Theirs',
      feedback: feedback(true),
      completedAt: new Date(),
    });
    await server.store.sessions.create(foreign);

    // A demo manager cannot reach it; the other tenant's own manager can.
    expect((await call(people.rahul, 'POST', `/sessions/${foreign.id}/review`, { scores })).status).toBe(404);
    expect((await call(people.jordan, 'POST', `/sessions/${foreign.id}/share`)).status).toBe(404);
    const attest = await call(people.rahul, 'POST', `/people/${otherOwner.id}/attestations`, {
      skillArea: 'analysis',
      note: 'Redesigned.',
    });
    expect(attest.status).toBe(404);
    expect(await server.store.reviews.listForSession(otherTenant, foreign.id)).toEqual([]);
    expect((await call(outsider, 'POST', `/sessions/${foreign.id}/review`, { scores })).status).toBe(201);
  });

  it('answers malformed bodies with a clear 400 and writes nothing', async () => {
    const session = await completedSession();
    const cases: [unknown, string][] = [
      ['{"scores": ', 'not valid JSON'],
      ['', 'empty'],
      [[1, 2], 'must be a JSON object'],
      [{ comment: 'Nice' }, 'scores must be an object'],
      [{ scores: [4, 5, 3] }, 'scores must be an object'],
      [{ scores, comment: 42 }, 'comment must be text'],
      [{ scores, rating: 5 }, 'Unknown field "rating"'],
      [{ scores: { ...scores, clarity: 9 } }, '"Clarity" needs a whole number from 1 to 5.'],
      [{ scores: { accuracy: 4 } }, 'Please score "Clarity" from 1 to 5.'],
      [{ scores: { ...scores, tone: 2 } }, '"tone" is not part of this workflow'],
      [{ scores, comment: 'x'.repeat(2_001) }, 'under 2000 characters'],
    ];
    for (const [body, message] of cases) {
      const response = await call(people.rahul, 'POST', `/sessions/${session.id}/review`, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
    expect(await written(session.id)).toEqual({ reviews: [], events: [] });
    expect((await call(people.rahul, 'POST', '/sessions/not-a-session/review', { scores })).status).toBe(404);
  });

  it('records a manager’s attestation as L4 evidence and refuses anyone else or a bad body', async () => {
    const attestations = async () =>
      (await server.store.events.listForTenant(DEMO_TENANT.id, { type: 'practice.attested' })).filter(
        (event) => event.personId === people.jordan.id,
      );
    const path = `/people/${people.jordan.id}/attestations`;
    const bad: [Person, unknown, number, string][] = [
      [people.sofia, { skillArea: 'analysis', note: 'x' }, 403, 'manager'],
      [people.nadia, { skillArea: 'analysis', note: 'x' }, 403, 'manager'],
      [people.rahul, { skillArea: 'juggling', note: 'x' }, 400, '"juggling" is not one of'],
      [people.rahul, { skillArea: 'analysis', note: '  ' }, 400, 'Please say in a note'],
      [people.rahul, { skillArea: 'analysis' }, 400, 'note must say'],
      [people.rahul, { skillArea: 'analysis', note: 'x'.repeat(2_001) }, 400, 'under 2000 characters'],
      [people.rahul, { skillArea: 'analysis', note: 'x', by: 'me' }, 400, 'Unknown field "by"'],
    ];
    for (const [who, body, status, message] of bad) {
      const response = await call(who, 'POST', path, body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
    expect(await attestations()).toEqual([]);

    const response = await call(people.rahul, 'POST', path, {
      skillArea: 'analysis',
      note: 'The month-end close now starts from the AI variance draft; the team reviews instead of writing.',
    });
    expect(response.status).toBe(201);
    const { attestation } = (await response.json()) as { attestation: { id: string } };
    const [event] = await attestations();
    expect(event).toMatchObject({
      id: attestation.id,
      data: { skillArea: 'analysis', attestedBy: people.rahul.id },
    });
    expect(
      factsFromEvents([event!], new Map(), DEFAULT_LEVEL_THRESHOLDS).get(people.jordan.id)?.attestations,
    ).toEqual([{ id: attestation.id, skillArea: 'analysis', at: event!.occurredAt }]);
    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id, {
      subjectPersonId: people.jordan.id,
    });
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'practice.attested', actorId: people.rahul.id }),
    );
  });
});
