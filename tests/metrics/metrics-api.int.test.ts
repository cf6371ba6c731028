import { randomUUID } from 'node:crypto';
import { defaultTenantSettings, type Person } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { personProfile } from '../factories';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { metricEvents } from './metric-events';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const PERIOD = 'from=2026-03-02&to=2026-03-15';

describe.each(testDatabaseKinds())('metrics API on %s', (kind) => {
  let server: TestServer;
  let people: Record<'priya' | 'rahul' | 'claire' | 'jordan' | 'sofia' | 'aisha' | 'outsiderAdmin', Person>;
  let added: Person[];
  let otherTenant: string;
  let workflowId: string;
  const tokens = new Map<string, string>();

  const get = async (person: Person | null, path: string): Promise<{ status: number; body: Json }> => {
    const headers: Record<string, string> = {};
    if (person) {
      let token = tokens.get(person.id);
      if (!token) {
        token = await server.devTokens!.issue(person);
        tokens.set(person.id, token);
      }
      headers.authorization = `Bearer ${token}`;
    }
    const response = await fetch(`${server.url}/api/v1${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    people = {
      priya: await byEmail('priya.raman'),
      rahul: await byEmail('rahul.mehta'),
      claire: await byEmail('claire.dubois'),
      jordan: await byEmail('jordan.ellis'),
      sofia: await byEmail('sofia.lindqvist'),
      aisha: await byEmail('aisha.khan'),
    } as typeof people;
    // Two more analysts join Rahul's team of three: five reports.
    added = [];
    for (const name of ['Ama', 'Bo'])
      added.push(
        await server.store.people.upsertProfile(
          DEMO_TENANT.id,
          personProfile({
            tenantId: DEMO_TENANT.id,
            displayName: name,
            department: 'Finance',
            managerAadObjectId: people.rahul.aadObjectId,
          }),
        ),
      );
    const events = metricEvents(server.store, DEMO_TENANT.id);
    const workflow = await events.workflow(people.sofia.id, 'Metrics API memo');
    workflowId = workflow.id;
    for (const [index, person] of [people.jordan, people.sofia, people.aisha, ...added].entries())
      await events.run({
        person: person.id,
        workflow,
        completedAt: `2026-03-0${3 + index}T10:00:00Z`,
        activeMinutes: 10,
        manualMinutes: 40,
        rating: { meanRating: 4, minutesTaken: 10, manualMinutes: 40, savedTimeGoesTo: 'customers' },
      });

    otherTenant = randomUUID();
    await server.store.tenants.ensure({
      id: otherTenant,
      displayName: 'Contoso',
      settings: defaultTenantSettings(),
    });
    people.outsiderAdmin = await server.store.people.upsertProfile(
      otherTenant,
      personProfile({ tenantId: otherTenant, displayName: 'Olu Outsider', roles: ['employee', 'admin'] }),
    );
    const outsiderEvents = metricEvents(server.store, otherTenant);
    const outsiderWorkflow = await outsiderEvents.workflow(people.outsiderAdmin.id);
    await outsiderEvents.run({
      person: people.outsiderAdmin.id,
      workflow: outsiderWorkflow,
      completedAt: '2026-03-04T10:00:00Z',
      activeMinutes: 5,
      manualMinutes: 500,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives an L&D admin the organisation and a department, with the weekly trend', async () => {
    const { status, body } = await get(people.priya, `/metrics/organisation?${PERIOD}`);
    expect(status).toBe(200);
    expect(body.scope).toEqual({ kind: 'organisation', department: null });
    expect(body.period).toEqual({ from: '2026-03-02', to: '2026-03-15', weeks: 2, timeZone: 'UTC' });
    expect(body.figures.quality.completedSessions).toBe(5);
    expect(body.figures.timeReallocation).toMatchObject({
      minutesSaved: 150,
      medianMinutesSavedPerPerson: 30,
    });
    expect(body.figures.trend).toHaveLength(2);
    const finance = await get(people.priya, `/metrics/organisation?${PERIOD}&department=Finance`);
    expect(finance.body.scope).toEqual({ kind: 'organisation', department: 'Finance' });
    expect(finance.body.figures.quality.completedSessions).toBe(5);
  });

  it("never counts another tenant's people or sessions, either way", async () => {
    const demo = await get(people.priya, `/metrics/organisation?${PERIOD}`);
    expect(demo.body.figures.timeReallocation.minutesSaved).toBe(150);
    const other = await get(people.outsiderAdmin, `/metrics/organisation?${PERIOD}`);
    expect(other.status).toBe(200);
    // One active person there: withheld, and nothing of Northwind's leaks into the answer.
    expect(other.body.figures).toBeNull();
    expect(other.body.withheld).toMatch(/has 1/);
    const otherMe = await get(people.outsiderAdmin, `/metrics/me?${PERIOD}`);
    expect(otherMe.body.figures.quality.completedSessions).toBe(1);
    expect(otherMe.body.figures.timeReallocation.minutesSaved).toBe(495);
  });

  it('withholds a department of fewer than 5 active people', async () => {
    const { status, body } = await get(people.priya, `/metrics/organisation?${PERIOD}&department=Marketing`);
    expect(status).toBe(200);
    expect(body.figures).toBeNull();
    expect(body.withheld).toMatch(/5 or more/);
  });

  it('refuses organisation figures to anyone who is not an L&D admin', async () => {
    for (const person of [people.jordan, people.rahul, people.sofia]) {
      const { status, body } = await get(person, `/metrics/organisation?${PERIOD}`);
      expect(status).toBe(403);
      expect(body.code).toBe('forbidden');
    }
    expect((await get(null, `/metrics/organisation?${PERIOD}`)).status).toBe(401);
  });

  it('gives a manager their team of 5 or more; withholds a smaller one; refuses someone with no reports', async () => {
    const rahul = await get(people.rahul, `/metrics/team?${PERIOD}`);
    expect(rahul.status).toBe(200);
    expect(rahul.body.scope).toEqual({ kind: 'team', managerId: people.rahul.id });
    expect(rahul.body.figures.activePeople).toBe(5);
    expect(rahul.body.figures.quality.completedSessions).toBe(5);
    const claire = await get(people.claire, `/metrics/team?${PERIOD}`);
    expect(claire.status).toBe(200);
    expect(claire.body.figures).toBeNull();
    const jordan = await get(people.jordan, `/metrics/team?${PERIOD}`);
    expect(jordan.status).toBe(403);
    expect(jordan.body.code).toBe('forbidden');
  });

  it('gives everyone their own figures', async () => {
    const { status, body } = await get(people.jordan, `/metrics/me?${PERIOD}`);
    expect(status).toBe(200);
    expect(body.scope).toEqual({ kind: 'person', personId: people.jordan.id });
    expect(body.figures.quality).toMatchObject({ completedSessions: 1, sessionsMeetingBar: 1, meanScore: 4 });
    expect(body.figures.timeReallocation.byDestination.customers).toBe(30);
  });

  it('gives a manager coaching for their own reports only, page by page; refuses others', async () => {
    const first = await get(people.rahul, '/team/coaching?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.reports).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(people.rahul, `/team/coaching?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.reports).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.reports, ...second.body.reports]
      .map((report: Json) => report.person.id)
      .sort();
    expect(ids).toEqual(
      [people.jordan.id, people.sofia.id, people.aisha.id, ...added.map((p) => p.id)].sort(),
    );
    for (const report of [...first.body.reports, ...second.body.reports])
      for (const suggestion of report.suggestions) expect(suggestion.text).toEqual(expect.any(String));
    expect((await get(people.jordan, '/team/coaching')).status).toBe(403);
    expect((await get(people.outsiderAdmin, '/team/coaching')).status).toBe(403);
    const tampered = await get(people.rahul, '/team/coaching?cursor=bm90LWEtaWQ');
    expect(tampered.status).toBe(400);
    expect(tampered.body.code).toBe('invalid_input');
  });

  it("gives a workflow's author and L&D admins its insights, nobody else", async () => {
    const author = await get(people.sofia, `/workflows/${workflowId}/insights?${PERIOD}`);
    expect(author.status).toBe(200);
    expect(author.body.workflow).toMatchObject({ id: workflowId, title: 'Metrics API memo' });
    expect(author.body.adoption).toMatchObject({
      sessionsStarted: 5,
      sessionsCompleted: 5,
      people: 5,
      colleaguesCompleted: 4,
    });
    expect(author.body.quality).toMatchObject({ scoredSessions: 5, sessionsMeetingBar: 5, meanScore: 4 });
    expect(JSON.stringify(author.body)).not.toContain(people.jordan.id);
    expect((await get(people.priya, `/workflows/${workflowId}/insights?${PERIOD}`)).status).toBe(200);
    expect((await get(people.jordan, `/workflows/${workflowId}/insights`)).status).toBe(403);
    expect((await get(people.rahul, `/workflows/${workflowId}/insights`)).status).toBe(403);
    expect((await get(people.outsiderAdmin, `/workflows/${workflowId}/insights`)).status).toBe(404);
    expect((await get(people.priya, `/workflows/${randomUUID()}/insights`)).status).toBe(404);
    expect((await get(people.priya, '/workflows/not-an-id/insights')).status).toBe(404);
    const bad = await get(people.sofia, `/workflows/${workflowId}/insights?from=soon`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_input');
  });

  it.each([
    ['from=2026-13-01', 'invalid_date'],
    ['from=2026-03-15&to=2026-03-01', 'reversed_period'],
    ['from=2019-01-07&to=2026-03-01', 'period_too_long'],
    [`department=${'x'.repeat(201)}`, undefined],
  ])('refuses %s with 400 invalid_input', async (query, detailCode) => {
    const { status, body } = await get(people.priya, `/metrics/organisation?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_input');
    if (detailCode) expect(body.details[0].code).toBe(detailCode);
  });
});
