import mammoth from 'mammoth';
import { publishWorkflow, randomIds, systemClock } from '../../core';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { actionData, cardOf, cardText, TeamsUser } from '../support/teams-user';
import { runToFeedback } from './session-driver';

const paragraphOf = (label: string, size: number) => {
  const sentence = `${label}: revenue in the North region rose because two large renewals closed early. `;
  return sentence.repeat(Math.ceil(size / sentence.length)).slice(0, size);
};

describe('a long deliverable', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let jordan: TeamsUser;
  let workflowId: string;
  const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
  const manager = requireDemoPerson('rahul.mehta@northwind.example');
  const colleague = requireDemoPerson('sofia.lindqvist@northwind.example');

  beforeAll(async () => {
    server = await startTestServer('pglite');
    connector = await startLocalConnector();
    jordan = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: analyst.aadObjectId,
      displayName: analyst.displayName,
    });
    const author = await server.store.people.findByEmail(DEMO_TENANT.id, 'nadia.haddad@northwind.example');
    const { workflow } = await publishWorkflow({
      store: server.store,
      clock: systemClock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: author!.id,
      definition: {
        title: 'Regional board pack',
        summary: 'Assemble the regional commentary into the board pack.',
        skillArea: 'writing',
        suitedFor: { departments: ['Finance'], jobTitles: [] },
        manualMinutes: 240,
        inputs: [
          { name: 'north', label: 'North commentary', description: 'Paste it.', maxChars: 200_000 },
          { name: 'south', label: 'South commentary', description: 'Paste it.', maxChars: 200_000 },
        ],
        steps: [
          {
            id: 'collect',
            kind: 'input',
            title: 'Commentary',
            instructions: 'Paste both.',
            inputNames: ['north', 'south'],
          },
          {
            id: 'intro',
            kind: 'generate',
            title: 'Introduction',
            instructions: 'Review it.',
            prompt: 'Introduce: {{input.north}}',
          },
          {
            id: 'pack',
            kind: 'deliverable',
            title: 'Board pack',
            instructions: 'Done.',
            template:
              '# Board pack\n\n{{step.intro.output}}\n\n## North\n\n{{input.north}}\n\n## South\n\n{{input.south}}',
          },
        ],
        rubric: [{ id: 'complete', criterion: 'Complete', description: 'Every region is covered.' }],
      },
    });
    workflowId = workflow.id;
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const get = async (who: typeof analyst, path: string) => {
    const token = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ email: who.email }),
    });
    const { token: bearer } = (await token.json()) as { token: string };
    return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  };

  it('arrives as a card that links to the tab, and downloads in full as Markdown and Word for the right people only', async () => {
    const first = await jordan.click({ op: 'start', workflowId }, {}, { replyToId: 'pack-card' });
    const submit = actionData(first, 'submit_inputs')!;
    const sessionId = String(submit.sessionId);
    const generate = await jordan.click(submit, {
      'input.north': paragraphOf('North', 150_000),
      'input.south': paragraphOf('South', 150_000),
    });
    const before = jordan.received.length;
    const answered = await jordan.click(actionData(generate, 'provide_output')!, {
      pasted: 'This pack covers both regions for the March board.',
    });

    const sent = jordan.received.slice(before);
    expect(sent.every((entry) => JSON.stringify(entry.activity).length < 100_000)).toBe(true);
    const linkCard = sent
      .map(cardOf)
      .find((card) => card && cardText(card).includes('Your deliverable: Regional board pack'));
    expect(linkCard).toBeDefined();
    expect(JSON.stringify(linkCard)).toContain(`/sessions/${sessionId}`);
    expect(cardText(linkCard!)).toContain('too long for a chat message');

    const ownMarkdown = await get(analyst, `/api/v1/sessions/${sessionId}/deliverable?format=markdown`);
    expect(ownMarkdown.status).toBe(200);
    const markdown = await ownMarkdown.text();
    expect(markdown.length).toBeGreaterThan(300_000);
    expect(markdown).toContain('This pack covers both regions');

    const word = await get(analyst, `/api/v1/sessions/${sessionId}/deliverable?format=docx`);
    expect(word.headers.get('content-type')).toContain('wordprocessingml');
    const { value: wordText } = await mammoth.extractRawText({
      buffer: Buffer.from(await word.arrayBuffer()),
    });
    expect(wordText).toContain('Board pack');
    expect(wordText).toContain('South: revenue in the North region');

    expect((await get(manager, `/api/v1/sessions/${sessionId}/deliverable`)).status).toBe(404);
    await runToFeedback(jordan, answered, { replyToId: 'pack-card' });
    expect((await get(manager, `/api/v1/sessions/${sessionId}/deliverable`)).status).toBe(200);
    expect((await get(colleague, `/api/v1/sessions/${sessionId}/deliverable`)).status).toBe(404);
    const audit = await server.store.audit.listForTenant(DEMO_TENANT.id);
    const person = await server.store.people.findByEmail(DEMO_TENANT.id, analyst.email);
    const managerRow = await server.store.people.findByEmail(DEMO_TENANT.id, manager.email);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'deliverable.read',
        actorId: managerRow!.id,
        subjectPersonId: person!.id,
      }),
    ]);
    expect((await get(analyst, `/api/v1/sessions/${sessionId}/deliverable?format=pdf`)).status).toBe(400);
  });
});
