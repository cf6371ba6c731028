import {
  actOnSession,
  DAY_MS,
  publishWorkflow,
  randomIds,
  startSession,
  type Clock,
  type Person,
} from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { workflowDefinition } from '../factories';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { waitUntil } from '../support/eventually';

/**
 * Levels and metric rollups are stored, computed under the tenant's rules at the time. When an L&D admin
 * changes a rule that redefines them, the stored figures follow without anyone running `npm run recompute`.
 */
describe.each(testDatabaseKinds())('a settings change that redefines levels and metrics, on %s', (kind) => {
  let server: TestServer;
  let jordan: Person;
  let admin: Person;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    jordan = await byEmail('jordan.ellis');
    admin = await byEmail('priya.raman');

    // Jordan ran a colleague's workflow three times in three weeks of the last month, rating it 4 of 5 each
    // time: L2 (Practises) under the default quality bar of 3.5.
    let at = Date.now() - 25 * DAY_MS;
    const clock: Clock = { now: () => new Date(at) };
    const base = {
      store: server.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      llmAvailable: false,
    };
    const { workflow } = await publishWorkflow({
      ...base,
      authorId: (await byEmail('sofia.lindqvist')).id,
      definition: workflowDefinition({ title: 'Accruals review memo' }),
    });
    for (let run = 0; run < 3; run++) {
      at += 8 * DAY_MS;
      const started = await startSession({ ...base, personId: jordan.id, workflowId: workflow.id });
      if (started.kind !== 'started') throw new Error(`not started: ${started.kind}`);
      const act = async (action: Parameters<typeof actOnSession>[0]['action']) => {
        at += 60_000;
        const result = await actOnSession({
          ...base,
          sessionId: started.session.id,
          action,
          actorPersonId: jordan.id,
        });
        if (result.kind !== 'applied') throw new Error(`not applied: ${result.kind}`);
      };
      await act({ type: 'submit_inputs', inputs: { variances: 'Accruals up 40,500 on Acme' } });
      await act({ type: 'provide_output', text: 'Memo: the Acme accrual explains the increase.' });
      await act({ type: 'complete_verification', checked: [], corrections: '' });
      await act({ type: 'submit_feedback', feedback: { ratings: { accuracy: 4, clarity: 4, actions: 4 } } });
    }
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const analysisLevel = async () =>
    (await server.store.levels.listForPerson(DEMO_TENANT.id, jordan.id)).find(
      (level) => level.skillArea === 'analysis',
    )?.level ?? 0;
  const sessionsMeetingBar = async () =>
    (await server.store.metrics.listRollups(DEMO_TENANT.id)).personWeeks
      .filter((week) => week.personId === jordan.id)
      .reduce((sum, week) => sum + week.sessionsMeetingBar, 0);

  it('recomputes levels and the quality figures in the background after the quality bar is raised', async () => {
    expect(await analysisLevel()).toBe(2);
    expect(await sessionsMeetingBar()).toBe(3);

    const token = await server.devTokens!.issue(admin);
    const response = await fetch(`${server.url}/api/v1/admin/settings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ levelThresholds: { qualityBar: 4.5 } }),
    });
    expect(response.status).toBe(200);

    // Ratings of 4 no longer meet the bar: not L2 any more, and none of the three counts as meeting it.
    await waitUntil(async () => (await sessionsMeetingBar()) === 0, 'the rollups recomputed');
    await waitUntil(async () => (await analysisLevel()) < 2, 'the level recomputed');
    const changes = await server.store.levels.listChanges(DEMO_TENANT.id, { personId: jordan.id });
    expect(changes[0]).toEqual(
      expect.objectContaining({ skillArea: 'analysis', fromLevel: 2, reason: 'recompute' }),
    );
  });
});
