import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { createLogger } from '../../server/logger';
import { startChat, type Chat } from '../support/chat';
import { actionData, cardOf, cardText, type TeamsUser } from '../support/teams-user';
import { testDatabaseKinds } from '../support/test-database';
import { runToFeedback, SAMPLE_MATERIAL } from './session-driver';

const prompts: string[] = [];
const llm = setupServer(
  http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
    const body = (await request.json()) as { model: string; messages: { role: string; content: string }[] };
    prompts.push(body.messages.map((message) => message.content).join('\n'));
    return HttpResponse.json({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_764_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Draft: accruals rose 40,500 because of the Acme invoice.' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }),
);

beforeAll(() => llm.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => llm.close());

describe.each(testDatabaseKinds())('a guided session in Teams chat on %s', (kind) => {
  describe.each([
    ['with a model', { LLM_BASE_URL: 'http://llm.test/v1', LLM_API_KEY: 'sk-test', LLM_MODEL: 'gpt-test' }],
    ['in bring-your-own-AI mode', {}],
  ])('%s', (_mode, env) => {
    let server: Chat['server'];
    let chat: Chat;
    let user: TeamsUser;
    const logLines: string[] = [];
    const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);

    beforeAll(async () => {
      // Debug-level logs, captured: nothing the employee pasted or the model wrote may appear in them.
      chat = await startChat(kind, env as Record<string, string>, {
        logger: createLogger('debug', {}, (_level, line) => void logLines.push(line)),
      });
      server = chat.server;
      user = chat.userFor(DEMO_DEFAULT_USER_EMAIL);
    });
    afterAll(() => chat?.close());

    it('goes from the welcome card to a deliverable and feedback, all stored', async () => {
      const [home] = await user.say('help');
      const homeCard = cardOf(home!);
      expect(cardText(homeCard!)).toContain("I'm Practica");
      expect(cardText(homeCard!)).toContain('Monthly reconciliation variance memo');
      const start = actionData(homeCard!, 'start');
      expect(start).not.toBeNull();

      const first = await user.click(start!, {}, { replyToId: 'home-card' });
      const { cards } = await runToFeedback(user, first, { replyToId: 'home-card' });
      expect(cardText(cards.at(-1)!)).toContain('complete');

      const deliverable = user.received.find((sent) => sent.activity.text?.startsWith('**Your deliverable:'));
      expect(deliverable).toBeDefined();
      const person = await server.store.people.findByAadObjectId(DEMO_TENANT.id, analyst.aadObjectId);
      const session = await server.store.sessions.findActiveForPerson(DEMO_TENANT.id, person!.id);
      expect(session).toHaveLength(0);
      const events = await server.store.events.listForTenant(DEMO_TENANT.id, { limit: 50 });
      const types = events.filter((event) => event.personId === person!.id).map((event) => event.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'session.started',
          'session.step_completed',
          'session.completed',
          'session.rated',
        ]),
      );
      const rated = events.find((event) => event.type === 'session.rated' && event.personId === person!.id);
      expect(rated?.data).toMatchObject({
        minutesTaken: 35,
        manualMinutes: 150,
        savedTimeGoesTo: 'deeper-analysis',
        sharedForReview: true,
        meanRating: 4,
      });
      if ('LLM_BASE_URL' in env)
        expect(prompts.some((prompt) => prompt.includes(SAMPLE_MATERIAL))).toBe(true);
    });

    it("answers a low rating at once with the author's tip and a workflow that may suit better", async () => {
      const [home] = await user.say('help');
      const workflows = await server.store.workflows.listPublished(DEMO_TENANT.id);
      const memo = workflows.find((workflow) => workflow.title === 'Monthly reconciliation variance memo')!;
      expect(cardOf(home!)).not.toBeNull();
      const first = await user.click({ op: 'start', workflowId: memo.id }, {}, { replyToId: 'low-card' });
      const before = user.received.length;
      await runToFeedback(user, first, { replyToId: 'low-card', ratings: 2 });
      const help = user.received
        .slice(before)
        .map((sent) => sent.activity.text ?? '')
        .join('\n');
      expect(help).toContain('Sorry it did not go well');
      expect(help).toMatch(/The author's tip for ".+":/);
      expect(help).toContain('A workflow that may suit you better:');
    });
  });
});
