import { and, eq } from 'drizzle-orm';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  publishWorkflowDraft,
  randomIds as ids,
  saveWorkflowDraft,
  shareForReview,
  systemClock as clock,
  type Person,
  type WorkflowViewer,
} from '../../core';
import { DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { personWeekRollups } from '../../store/schema';
import { startChat, type Chat } from '../support/chat';
import { actionData, cardOf, cardText, type Card, type TeamsUser } from '../support/teams-user';
import { testDatabaseKinds } from '../support/test-database';
import { captureByInterview } from './capture-driver';
import { runToFeedback } from './session-driver';

const AUTHOR_EMAIL = 'sofia.lindqvist@northwind.example';
const TRIAL_LABEL = 'Trying your draft — nothing here counts or is shared.';
const GENERATED = 'Draft commentary: revenue is 4% under budget because the Acme order slipped to April.';

/** The model: improves a capture draft when asked for one, otherwise answers a session's generate step. */
const llm = setupServer(
  http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
    const body = (await request.json()) as { model: string; messages: { role: string; content: string }[] };
    const prompt = body.messages.map((message) => message.content).join('\n');
    const start = prompt.indexOf('# Starting draft');
    let content = GENERATED;
    if (start >= 0) {
      const draft = JSON.parse(prompt.slice(prompt.indexOf('{', start))) as { title: string };
      draft.title = 'Variance commentary (AI draft)';
      content = `\`\`\`json\n${JSON.stringify(draft)}\n\`\`\``;
    }
    return HttpResponse.json({
      id: 'chatcmpl-trial',
      object: 'chat.completion',
      created: 1_764_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }),
);

beforeAll(() => llm.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => llm.close());

/** An LRS target nobody answers: whatever Practica means to send stays in the outbox, where the test counts it. */
const LRS_ENV = {
  LRS_TARGETS: 'lms',
  LRS_LMS_ENDPOINT: 'http://127.0.0.1:9/xapi/',
  LRS_LMS_USERNAME: 'practica',
  LRS_LMS_PASSWORD: 'secret',
  LRS_LMS_ACTOR: 'mbox',
  LRS_DISPATCH_POLL_MS: '60000',
};

describe.each(testDatabaseKinds())('"try it yourself" on a captured draft on %s', (kind) => {
  describe.each([
    ['with a model', { LLM_BASE_URL: 'http://llm.test/v1', LLM_API_KEY: 'sk-test', LLM_MODEL: 'gpt-test' }],
    ['in bring-your-own-AI mode', {}],
  ])('%s', (_mode, llmEnv) => {
    let chat: Chat;
    let author: TeamsUser;
    let authorPerson: Person;
    let viewer: WorkflowViewer;
    let summary: Card;
    let workflowId: string;

    beforeAll(async () => {
      chat = await startChat(kind, { ...LRS_ENV, ...(llmEnv as Record<string, string>) });
      author = chat.userFor(AUTHOR_EMAIL);
      authorPerson = (await chat.server.store.people.findByAadObjectId(
        DEMO_TENANT.id,
        requireDemoPerson(AUTHOR_EMAIL).aadObjectId,
      ))!;
      viewer = { person: authorPerson, roles: ['employee', 'author'] };
      summary = await captureByInterview(author);
      workflowId = (actionData(summary, 'try_draft')?.workflowId as string | undefined) ?? '';
    }, 60_000);
    afterAll(() => chat?.close());

    /** Everything a trial must not change, as others (and the LRS) would see it. */
    async function traces() {
      const { store, database } = chat.server;
      const rollups = await database.db
        .select()
        .from(personWeekRollups)
        .where(
          and(
            eq(personWeekRollups.tenantId, DEMO_TENANT.id),
            eq(personWeekRollups.personId, authorPerson.id),
          ),
        );
      return {
        outbox: (await store.xapiOutbox.list(DEMO_TENANT.id)).length,
        events: (await store.events.listForTenant(DEMO_TENANT.id, { limit: 10_000 })).length,
        rollups,
        levels: await store.levels.listForPerson(DEMO_TENANT.id, authorPerson.id),
        levelChanges: (await store.levels.listChanges(DEMO_TENANT.id, { personId: authorPerson.id })).length,
      };
    }

    it('runs the draft as a private trial: the deliverable arrives and nothing counts, lists or is sent', async () => {
      expect(workflowId).not.toBe('');
      const before = await traces();

      const first = await author.click(actionData(summary, 'try_draft')!, {}, { replyToId: 'summary-card' });
      expect(cardText(first)).toContain(TRIAL_LABEL);
      const trialId = (await chat.server.store.sessions.findCurrentForPerson(
        DEMO_TENANT.id,
        authorPerson.id,
      ))!.id;
      const { cards } = await runToFeedback(author, first, { replyToId: 'summary-card' });
      expect(cards.some((card) => JSON.stringify(card).includes('"id":"share"'))).toBe(false);
      expect(cardText(cards.at(-1)!)).toContain('Your trial is complete');

      const texts = author.received.map((sent) => sent.activity.text ?? '');
      expect(texts.some((text) => text.startsWith('**Your deliverable:'))).toBe(true);
      expect(texts.some((text) => text.includes('This was a trial of your draft'))).toBe(true);

      const { store } = chat.server;
      const trial = await store.sessions.get(DEMO_TENANT.id, trialId);
      expect(trial).toMatchObject({ trial: true, status: 'completed', workflowId });
      expect(trial!.deliverable).not.toBeNull();
      expect(trial!.feedback?.sharedForReview).toBe(false);
      // Nor can it be shared afterwards (the tab's "share for review").
      await expect(
        shareForReview({
          store,
          clock,
          tenantId: DEMO_TENANT.id,
          personId: authorPerson.id,
          sessionId: trialId,
        }),
      ).rejects.toThrow('cannot be shared for review');
      const workflow = await store.workflows.get(DEMO_TENANT.id, workflowId);
      expect(workflow).toMatchObject({ status: 'draft', latestVersionNumber: 0 });
      expect(await store.workflows.latestVersion(DEMO_TENANT.id, workflowId)).toBeNull();
      expect(await store.workflows.listVersions(DEMO_TENANT.id, workflowId)).toEqual([]);
      const catalogue = await store.workflows.listPublishedCatalogue(DEMO_TENANT.id);
      expect(catalogue.map((entry) => entry.workflow.id)).not.toContain(workflowId);
      const usage = await store.sessions.usageByWorkflow(DEMO_TENANT.id);
      expect(usage.map((entry) => entry.workflowId)).not.toContain(workflowId);
      expect(await store.sessions.usageByVersion(DEMO_TENANT.id, workflowId)).toEqual([]);
      expect(await store.sessions.listForPerson(DEMO_TENANT.id, authorPerson.id, { limit: 50 })).toEqual([]);
      expect(await traces()).toEqual(before);
    });

    it('pins the draft as edited for a new trial, refuses a draft with problems, and publishes as version 1', async () => {
      const { store } = chat.server;
      const draft = await store.workflows.getDraft(DEMO_TENANT.id, workflowId);
      const edited = { ...(draft!.definition as Record<string, unknown>), title: 'Variance commentary v2' };
      await saveWorkflowDraft({ store, clock, ids, viewer, workflowId, definition: edited });
      const second = await author.click(
        actionData(summary, 'try_draft')!,
        {},
        { replyToId: 'summary-card-2' },
      );
      expect(cardText(second)).toContain('Variance commentary v2');
      expect(cardText(second)).toContain(TRIAL_LABEL);
      const current = await store.sessions.findCurrentForPerson(DEMO_TENANT.id, authorPerson.id);
      expect(current?.trial).toBe(true);
      const pinned = await store.workflows.getVersion(DEMO_TENANT.id, current!.workflowVersionId);
      expect(pinned).toMatchObject({ trial: true, versionNumber: 0 });
      expect(pinned!.definition.title).toBe('Variance commentary v2');
      const [home] = await author.say('help');
      expect(cardText(cardOf(home!)!)).toContain('Variance commentary v2 (trying your draft)');

      // A draft that lost its rubric: its problems and the editor, no session.
      await saveWorkflowDraft({
        store,
        clock,
        ids,
        viewer,
        workflowId,
        definition: { ...edited, rubric: [] },
      });
      const refused = await author.click(
        actionData(summary, 'try_draft')!,
        {},
        { replyToId: 'summary-card-3' },
      );
      expect(cardText(refused)).toContain('cannot be tried yet');
      expect(cardText(refused)).toContain('rubric');
      expect(JSON.stringify(refused)).toContain(`/workflows/${workflowId}/edit`);
      expect((await store.sessions.findCurrentForPerson(DEMO_TENANT.id, authorPerson.id))?.id).toBe(
        current!.id,
      );

      // Publishing is unaffected by the two trial versions: it is version 1, and is sent as usual.
      const outboxBefore = (await store.xapiOutbox.list(DEMO_TENANT.id)).length;
      await saveWorkflowDraft({ store, clock, ids, viewer, workflowId, definition: edited });
      const published = await publishWorkflowDraft({ store, clock, ids, viewer, workflowId });
      expect(published.version).toMatchObject({ versionNumber: 1, trial: false });
      expect((await store.workflows.latestVersion(DEMO_TENANT.id, workflowId))?.id).toBe(
        published.version.id,
      );
      expect((await store.xapiOutbox.list(DEMO_TENANT.id)).length).toBeGreaterThan(outboxBefore);
    });
  });
});
