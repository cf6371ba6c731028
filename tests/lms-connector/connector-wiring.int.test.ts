import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { randomIds, startSession } from '../../core';
import type { LrsTarget } from '../../lms-connector/targets';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { CERTIFICATE_SYNC_JOB } from '../../server/jobs';
import { jobs } from '../../store/schema';
import { fixedClock } from '../factories';
import { startLocalLrs, type LocalLrs } from '../support/lrs';
import { startTestServer, type TestServer } from '../support/practica-server';
import { eventually } from '../support/eventually';

const HOME = 'https://lms.northwind.example';

describe('the LMS connector in the running service', () => {
  let lrs: LocalLrs;
  let server: TestServer;
  const jordan = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
  const course = `${HOME}/courses/ai-analysis-advanced`;

  beforeAll(async () => {
    lrs = await startLocalLrs();
    const response = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: lrs.authorization,
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body: JSON.stringify([
        {
          id: randomUUID(),
          actor: {
            objectType: 'Agent',
            name: jordan.displayName,
            account: { homePage: HOME, name: jordan.lmsIdentifier },
          },
          verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
          object: {
            objectType: 'Activity',
            id: course,
            definition: { name: { en: 'AI for analysis: advanced' } },
          },
          timestamp: '2026-05-04T12:00:00Z',
        },
      ]),
    });
    expect(response.status).toBe(200);
    const target: LrsTarget = {
      name: 'lms',
      endpoint: lrs.endpoint,
      auth: { kind: 'basic', ...lrs.basic },
      actor: { kind: 'account', homePage: HOME },
    };
    server = await startTestServer(
      'pglite',
      {},
      { lrsTargets: (tenantId) => (tenantId === DEMO_TENANT.id ? [target] : []) },
    );
  });
  afterAll(async () => {
    await server?.close();
    await lrs?.stop();
  });

  it('reads certificates from the LRS at start-up and keeps the watermark for the next daily run', async () => {
    const person = await server.store.people.findByAadObjectId(DEMO_TENANT.id, jordan.aadObjectId);
    const certificates = await eventually(async () => {
      const found = await server.store.certificates.listForPerson(DEMO_TENANT.id, person?.id ?? '');
      return found.some((certificate) => certificate.activityId === course) ? found : null;
    }, 'the certificate read from the LRS');
    expect(certificates.find((certificate) => certificate.activityId === course)).toMatchObject({
      name: 'AI for analysis: advanced',
      source: 'lrs:lms',
    });
    const events = await server.store.events.listForTenant(DEMO_TENANT.id, { type: 'certificate.imported' });
    expect(
      events.some(
        (event) => event.personId === person?.id && event.data.name === 'AI for analysis: advanced',
      ),
    ).toBe(true);
    const next = await eventually(async () => {
      const [queued] = await server.database.db
        .select({ payload: jobs.payload })
        .from(jobs)
        .where(and(eq(jobs.kind, CERTIFICATE_SYNC_JOB), eq(jobs.status, 'queued')));
      const payload = queued?.payload as { watermarks?: Record<string, string> } | undefined;
      return payload?.watermarks?.lms ? payload : null;
    }, 'the next sync queued with its watermark');
    expect(Number.isNaN(Date.parse(next.watermarks?.lms ?? ''))).toBe(false);
  });

  it("writes a session's statements to the outbox for the tenant's target in the same transaction", async () => {
    const person = await server.store.people.findByAadObjectId(DEMO_TENANT.id, jordan.aadObjectId);
    const [workflow] = await server.store.workflows.listPublished(DEMO_TENANT.id);
    const started = await startSession({
      store: server.store,
      clock: fixedClock(),
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      personId: person?.id ?? '',
      workflowId: workflow?.id ?? '',
      llmAvailable: false,
    });
    if (started.kind !== 'started') throw new Error('not started');
    const rows = await server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'lms' });
    const initialized = rows.find(
      (row) => (row.payload.context as { registration?: string }).registration === started.session.id,
    );
    expect(initialized?.payload).toMatchObject({
      actor: { account: { homePage: HOME, name: jordan.lmsIdentifier } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/initialized' },
    });
  });
});
