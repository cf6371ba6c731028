import { randomUUID } from 'node:crypto';
import { publishWorkflow, randomIds, systemClock } from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { runToFeedback } from '../bot/session-driver';
import { ScriptedLlm } from '../fakes/scripted-llm';
import { personProfile, seedTenant, workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { TeamsUser } from '../support/teams-user';

const NORTHWIND = 'NORTHWIND-HOUSE-STYLE';
const CONTOSO = 'CONTOSO-HOUSE-STYLE';

/** Two organisations' employees run their own workflows at the same time on one instance and one model. */
describe('prompts across tenants', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  const llm = new ScriptedLlm(async () => ({
    text: 'The increase is the accrual booked twice.',
    delayMs: 20,
  }));
  const contosoId = randomUUID();
  let northwindUser: TeamsUser;
  let contosoUser: TeamsUser;
  let northwindWorkflow: string;
  let contosoWorkflow: string;

  beforeAll(async () => {
    connector = await startLocalConnector();
    server = await startTestServer('pglite', { ALLOWED_TENANT_IDS: contosoId }, { llm });
    await seedTenant(server.store, { id: contosoId, displayName: 'Contoso' });
    const contosoPerson = await server.store.people.upsertProfile(
      contosoId,
      personProfile({ tenantId: contosoId, displayName: 'Kim Contoso', department: 'Finance' }),
    );
    const jordan = (await server.store.people.findByEmail(DEMO_TENANT.id, 'jordan.ellis@northwind.example'))!;
    const publish = async (tenantId: string, authorId: string, marker: string) =>
      (
        await publishWorkflow({
          store: server.store,
          clock: systemClock,
          ids: randomIds,
          tenantId,
          authorId,
          definition: workflowDefinition({
            title: `${marker} memo`,
            steps: workflowDefinition().steps.map((step) =>
              step.kind === 'generate' ? { ...step, prompt: `${marker}: ${step.prompt}` } : step,
            ),
          }),
        })
      ).workflow.id;
    northwindWorkflow = await publish(DEMO_TENANT.id, jordan.id, NORTHWIND);
    contosoWorkflow = await publish(contosoId, contosoPerson.id, CONTOSO);
    northwindUser = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: jordan.aadObjectId,
      displayName: jordan.displayName,
    });
    contosoUser = new TeamsUser(server.url, connector, {
      tenantId: contosoId,
      aadObjectId: contosoPerson.aadObjectId,
      displayName: contosoPerson.displayName,
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  it("never puts one organisation's prompt text into another's model call", async () => {
    const run = async (user: TeamsUser, workflowId: string, card: string) =>
      runToFeedback(user, await user.click({ op: 'start', workflowId }, {}, { replyToId: card }), {
        replyToId: card,
      });
    await Promise.all([
      run(northwindUser, northwindWorkflow, 'northwind-card'),
      run(contosoUser, contosoWorkflow, 'contoso-card'),
    ]);
    const calls = llm.requests.map((request) =>
      request.messages.map((message) => message.content).join('\n'),
    );
    const northwind = calls.filter((text) => text.includes(NORTHWIND));
    const contoso = calls.filter((text) => text.includes(CONTOSO));
    expect(northwind.length).toBeGreaterThan(0);
    expect(contoso.length).toBeGreaterThan(0);
    expect(northwind.length + contoso.length).toBe(calls.length);
    expect(calls.filter((text) => text.includes(NORTHWIND) && text.includes(CONTOSO))).toEqual([]);
  }, 120_000);
});
