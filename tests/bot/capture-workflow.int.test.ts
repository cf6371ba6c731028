import { randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { validateWorkflowDraft, type Person } from '../../core';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { startChat, type Chat } from '../support/chat';
import { actionData, cardOf, cardText, type Card, type TeamsUser } from '../support/teams-user';
import { testDatabaseKinds } from '../support/test-database';

const AUTHOR_EMAIL = 'sofia.lindqvist@northwind.example';

const ANSWERS = {
  task: 'Write the monthly variance commentary for the management pack',
  audience: 'Finance analysts; the CFO reads it',
  material: "- This month's trial balance\n- Last month's commentary",
  steps: '1. Find the largest variances\n2. Explain each variance\n3. Write the commentary',
  prompts: 'List the ten largest variances against budget, largest first, with amounts.',
  goodResult: 'Every figure matches the trial balance\nExplains why, not only what\nFits on one page',
  manualMinutes: '2 hours',
  example: 'skip',
};

const modelPrompts: string[] = [];
/** A model that improves the starting draft it is given: a sharper title and a more specific first prompt. */
const llm = setupServer(
  http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
    const body = (await request.json()) as { model: string; messages: { role: string; content: string }[] };
    const prompt = body.messages.map((message) => message.content).join('\n');
    modelPrompts.push(prompt);
    const start = prompt.indexOf('# Starting draft');
    const draft = JSON.parse(prompt.slice(prompt.indexOf('{', start))) as {
      title: string;
      steps: { kind: string; prompt?: string }[];
    };
    draft.title = 'Variance commentary (AI draft)';
    const generate = draft.steps.find((step) => step.kind === 'generate')!;
    generate.prompt = `Act as a senior FP&A analyst. ${generate.prompt}`;
    return HttpResponse.json({
      id: 'chatcmpl-capture',
      object: 'chat.completion',
      created: 1_764_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: `Here is the workflow:\n\`\`\`json\n${JSON.stringify(draft)}\n\`\`\``,
          },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }),
);

beforeAll(() => llm.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => llm.close());

const lastCard = (sent: { activity: { attachments?: { content: unknown }[] } }[]): Card | null => {
  const withCard = sent.filter((message) => message.activity.attachments?.length);
  const last = withCard.at(-1);
  return last ? (last.activity.attachments![0]!.content as Card) : null;
};

function openUrls(card: Card): string[] {
  return (
    JSON.stringify(card)
      .match(/"url":"[^"]+"/g)
      ?.map((match) => match.slice(7, -1)) ?? []
  );
}

async function waitForCard(user: TeamsUser, since: number, text: string, timeoutMs = 20_000): Promise<Card> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = user.received
      .slice(since)
      .map(cardOf)
      .find((card) => card && cardText(card).includes(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no card with "${text}" in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testDatabaseKinds())('capturing a workflow in Teams chat on %s', (kind) => {
  describe.each([
    ['with a model', { LLM_BASE_URL: 'http://llm.test/v1', LLM_API_KEY: 'sk-test', LLM_MODEL: 'gpt-test' }],
    ['in bring-your-own-AI mode', {}],
  ])('%s', (mode, env) => {
    const withModel = 'LLM_BASE_URL' in env;
    let chat: Chat;
    let author: TeamsUser;
    let authorPerson: Person;

    beforeAll(async () => {
      chat = await startChat(kind, env as Record<string, string>);
      author = chat.userFor(AUTHOR_EMAIL);
      authorPerson = (await chat.server.store.people.findByAadObjectId(
        DEMO_TENANT.id,
        requireDemoPerson(AUTHOR_EMAIL).aadObjectId,
      ))!;
    });
    afterAll(() => chat?.close());

    it('interviews the author one question at a time and saves a draft that passes validation, unpublished', async () => {
      const [home] = await author.say('help');
      const capture = actionData(cardOf(home!)!, 'capture');
      expect(capture).not.toBeNull();
      const first = await author.click(capture!, {}, { replyToId: 'home-card' });
      expect(cardText(first)).toContain('question 1 of 8');
      expect(cardText(first)).toContain('What task does this workflow do?');

      const order = Object.keys(ANSWERS) as (keyof typeof ANSWERS)[];
      for (const [index, question] of order.entries()) {
        if (question === 'goodResult') {
          // Too few criteria: refused with the reason, and the same question again.
          const refused = await author.say('Correct figures');
          expect(refused.map((sent) => sent.activity.text ?? '').join('\n')).toContain('Give 3 to 5 things');
          expect(cardText(lastCard(refused)!)).toContain(`question ${index + 1} of 8`);
        }
        const replies = await author.say(ANSWERS[question]);
        if (index < order.length - 1)
          expect(cardText(lastCard(replies)!)).toContain(`question ${index + 2} of 8`);
      }

      const since = author.received.length - 1;
      const summary = await waitForCard(author, since, 'Your draft:');
      expect(cardText(summary)).toContain(withModel ? 'Variance commentary (AI draft)' : ANSWERS.task);
      expect(cardText(summary)).toContain("The draft passes the editor's checks");
      expect(cardText(summary)).toContain('Every figure matches the trial balance');
      const interview = await chat.server.store.captureInterviews.findOpenForAuthor(
        DEMO_TENANT.id,
        authorPerson.id,
      );
      expect(interview).toBeNull();
      const workflows = await chat.server.store.workflows.listAll(DEMO_TENANT.id);
      const captured = workflows.find(
        (workflow) => workflow.authorId === authorPerson.id && workflow.status === 'draft',
      );
      expect(captured).toBeDefined();
      expect(openUrls(summary).some((url) => url.endsWith(`/workflows/${captured!.id}/edit`))).toBe(true);
      expect(actionData(summary, 'publish')).toBeNull();

      const check = await validateWorkflowDraft({
        store: chat.server.store,
        viewer: { person: authorPerson, roles: ['employee', 'author'] },
        workflowId: captured!.id,
      });
      expect(check.valid).toBe(true);
      if (!check.valid) return;
      expect(check.definition.manualMinutes).toBe(120);
      expect(check.definition.rubric).toHaveLength(3);
      const generate = check.definition.steps.filter((step) => step.kind === 'generate');
      expect(generate).toHaveLength(3);
      expect(generate[0]!.kind === 'generate' && generate[0]!.prompt).toContain(
        'List the ten largest variances against budget',
      );
      expect(generate[0]!.kind === 'generate' && generate[0]!.prompt).toMatch(/\{\{input\.[a-zA-Z]+\}\}/);
      if (withModel) {
        expect(generate[0]!.kind === 'generate' && generate[0]!.prompt).toContain(
          'Act as a senior FP&A analyst',
        );
        expect(modelPrompts.some((prompt) => prompt.includes(ANSWERS.goodResult.split('\n')[1]!))).toBe(true);
        expect(JSON.stringify(summary)).not.toContain('Improve it with your own AI');
      } else {
        expect(JSON.stringify(summary)).toContain('Improve it with your own AI');
        expect(JSON.stringify(summary)).toContain('Reply with ONE JSON object only');
      }
      // Nothing was published: no version, and colleagues do not see it in the library.
      expect(captured!.latestVersionNumber).toBe(0);
      const published = await chat.server.store.workflows.listPublished(DEMO_TENANT.id);
      expect(published.map((workflow) => workflow.id)).not.toContain(captured!.id);
    });

    it('leaves a resumable draft when the author walks away midway, and resumes at the next question', async () => {
      const started = await author.say('capture my workflow');
      expect(cardText(lastCard(started)!)).toContain('question 1 of 8');
      await author.say('Prepare the quarterly board pack');
      await author.say('The finance team; the board reads it');
      // The author leaves: "help" is still the home card, not an answer.
      const [home] = await author.say('help');
      expect(cardText(cardOf(home!)!)).toContain("I'm Practica");

      const interview = await chat.server.store.captureInterviews.findOpenForAuthor(
        DEMO_TENANT.id,
        authorPerson.id,
      );
      expect(interview?.status).toBe('interviewing');
      const draft = await chat.server.store.workflows.getDraft(DEMO_TENANT.id, interview!.workflowId!);
      expect(draft?.definition).toMatchObject({ title: 'Prepare the quarterly board pack' });
      const workflow = await chat.server.store.workflows.get(DEMO_TENANT.id, interview!.workflowId!);
      expect(workflow).toMatchObject({ status: 'draft', latestVersionNumber: 0 });
      const check = await validateWorkflowDraft({
        store: chat.server.store,
        viewer: { person: authorPerson, roles: ['employee', 'author'] },
        workflowId: workflow!.id,
      });
      expect(check.valid).toBe(false);

      const resumed = await author.say('capture my workflow');
      expect(resumed[0]?.activity.text).toContain('Picking up your interview');
      expect(cardText(lastCard(resumed)!)).toContain('question 3 of 8');

      const stopped = await author.say('stop');
      expect(stopped[0]?.activity.text).toContain(`/workflows/${workflow!.id}/edit`);
      expect(
        await chat.server.store.captureInterviews.findOpenForAuthor(DEMO_TENANT.id, authorPerson.id),
      ).toBeNull();
      expect(await chat.server.store.workflows.getDraft(DEMO_TENANT.id, workflow!.id)).not.toBeNull();
    });

    it(`refuses an answer that is too long and an employee who is not an author (${mode})`, async () => {
      await author.say('capture my workflow');
      const long = await author.say('x'.repeat(20_001));
      expect(long[0]?.activity.text).toContain('the limit is 20,000');
      expect(cardText(lastCard(long)!)).toContain('question 1 of 8');
      await author.say('stop');

      const analyst = chat.userFor(DEMO_DEFAULT_USER_EMAIL);
      const [home] = await analyst.say('help');
      expect(actionData(cardOf(home!)!, 'capture')).toBeNull();
      const refused = await analyst.say('capture my workflow');
      expect(refused[0]?.activity.text).toContain('Capturing a workflow is for authors');
    });

    it(`leaves someone who lost the author role mid-interview free to use Practica (${mode})`, async () => {
      const analyst = chat.userFor(DEMO_DEFAULT_USER_EMAIL);
      const analystPerson = (await chat.server.store.people.findByAadObjectId(
        DEMO_TENANT.id,
        requireDemoPerson(DEMO_DEFAULT_USER_EMAIL).aadObjectId,
      ))!;
      // An interview they started while they held the role, still open.
      const now = new Date();
      await chat.server.store.captureInterviews.create({
        id: randomUUID(),
        tenantId: DEMO_TENANT.id,
        authorId: analystPerson.id,
        workflowId: null,
        status: 'interviewing',
        answers: {},
        draftedWith: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const replies = await analyst.say('Write the monthly variance commentary');
      const said = replies.map((reply) => `${reply.activity.text ?? ''} ${cardText(cardOf(reply) ?? {})}`);
      expect(said.join(' ')).not.toMatch(/Only authors|question \d of 8/);
      expect(replies.length).toBeGreaterThan(0);
    });
  });
});
