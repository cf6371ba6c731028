import { randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ANSWER_FAILED_NOTE } from '../../bot';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { createLogger } from '../../server/logger';
import { messageActivity } from '../support/activities';
import { startChat, type Chat } from '../support/chat';
import type { SentActivity } from '../support/local-connector';
import { streamParts, type StreamPartSeen } from '../support/streamed-answers';
import { actionData, cardOf, cardText, type Card, type TeamsUser } from '../support/teams-user';
import { testDatabaseKinds } from '../support/test-database';

// The model streams its answer in these pieces, GAP_MS apart, as OpenAI's chat-completions stream does.
const PIECES = [
  'Accruals ',
  'rose 40,500 ',
  'in March, ',
  'driven by ',
  'the Acme Ltd ',
  'invoice ',
  'received late ',
  '(28 March).',
];
const ANSWER = PIECES.join('');
const GAP_MS = 300;

type ModelBehaviour = 'answer' | 'break-off';
let behaviour: ModelBehaviour = 'answer';
let modelCalls = 0;

function sseEvent(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function chunk(delta: Record<string, unknown>, finishReason: string | null = null) {
  return sseEvent({
    id: 'chatcmpl-stream-1',
    object: 'chat.completion.chunk',
    created: 1_764_000_000,
    model: 'gpt-test-2025',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
}

/** The answer as Server-Sent Events, one piece every GAP_MS; `break-off` fails the body after three pieces. */
function answerStream(mode: ModelBehaviour): ReadableStream<Uint8Array> {
  const events = [
    chunk({ role: 'assistant', content: '' }),
    ...PIECES.map((content) => chunk({ content })),
    chunk({}, 'stop'),
    'data: [DONE]\n\n',
  ];
  const cut = mode === 'break-off' ? 4 : events.length;
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      if (index > 0) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
      if (index < cut) controller.enqueue(encoder.encode(events[index++]!));
      else if (mode === 'break-off') controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
}

const model = setupServer(
  http.post('http://llm.test/v1/chat/completions', async ({ request }) => {
    const body = (await request.json()) as { stream?: boolean };
    modelCalls++;
    if (!body.stream)
      return HttpResponse.json({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1_764_000_000,
        model: 'gpt-test-2025',
        choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' }],
      });
    return new HttpResponse(answerStream(behaviour), {
      headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    });
  }),
);

beforeAll(() => model.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => model.close());

const MODEL_ENV = { LLM_BASE_URL: 'http://llm.test/v1', LLM_API_KEY: 'sk-test', LLM_MODEL: 'gpt-test' };
const MATERIAL = {
  'input.period': 'March 2026, account 2150',
  'input.reconciliation': 'GL 182,400; SL 180,100',
};

/** The cards the bot put in place of the message `activityId` (updates), oldest first. */
const updatesOf = (sent: SentActivity[], activityId: string): Card[] =>
  sent
    .filter((entry) => entry.updatedActivityId === activityId)
    .map(cardOf)
    .filter((card): card is Card => card !== null);

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(testDatabaseKinds())('answers streamed into Teams chat on %s', (kind) => {
  let chat: Chat;
  const logLines: string[] = [];

  beforeAll(async () => {
    chat = await startChat(kind, MODEL_ENV, {
      logger: createLogger('debug', {}, (_level, line) => void logLines.push(line)),
    });
  });
  afterAll(() => chat?.close());
  beforeEach(() => {
    behaviour = 'answer';
    chat.connector.intercept = null;
  });

  async function memoId(): Promise<string> {
    const workflows = await chat.server.store.workflows.listPublished(DEMO_TENANT.id);
    return workflows.find((workflow) => workflow.title === 'Monthly reconciliation variance memo')!.id;
  }

  /** Starts the memo and submits its material from the card `cardId`; resolves once it says "Generating…". */
  async function submitMaterial(
    user: TeamsUser,
    cardId: string,
  ): Promise<{ since: number; sessionId: string }> {
    await user.say('help');
    const first = await user.click({ op: 'start', workflowId: await memoId() }, {}, { replyToId: cardId });
    const submit = actionData(first, 'submit_inputs')!;
    const since = user.received.length;
    const generating = await user.click(submit, MATERIAL, { replyToId: cardId });
    expect(cardText(generating)).toContain('Generating…');
    return { since, sessionId: String(submit.sessionId) };
  }

  const finalOf = (user: TeamsUser, since: number) => () =>
    streamParts(user.received.slice(since)).find((part) => part.streamType === 'final');

  it('streams the answer in order into a 1:1 chat and finalises it once with the whole text and the card', async () => {
    const user = chat.userFor(DEMO_DEFAULT_USER_EMAIL);
    const { since, sessionId } = await submitMaterial(user, 'memo-card');

    const final = await waitFor('the final streamed message', finalOf(user, since));
    const posted = user.received.slice(since).filter((sent) => !sent.updatedActivityId);
    const parts = streamParts(posted);

    // Informative update first, posted as a typing activity; its id is the stream's id from then on.
    expect(parts[0]).toMatchObject({ streamType: 'informative', type: 'typing', streamSequence: 1 });
    expect(parts[0]?.streamId).toBeUndefined();
    const streamId = posted[0]!.id;
    const rest = parts.slice(1);
    expect(rest.every((part) => part.streamId === streamId)).toBe(true);
    expect(parts.map((part) => part.streamSequence)).toEqual(parts.map((_part, index) => index + 1));

    // The text so far, growing in order, several times while the model writes (not all at the end).
    const streaming = parts.filter((part) => part.streamType === 'streaming');
    expect(streaming.length).toBeGreaterThanOrEqual(2);
    expect(streaming.every((part) => part.type === 'typing')).toBe(true);
    streaming.forEach((part, index) => {
      const next: StreamPartSeen | undefined = streaming[index + 1];
      expect(ANSWER.startsWith(part.text)).toBe(true);
      if (next) expect(next.text.length).toBeGreaterThan(part.text.length);
    });
    expect(streaming[0]!.text.length).toBeLessThan(ANSWER.length);

    // No more than one post a second, as Teams asks.
    const times = posted.map((sent) => sent.receivedAt!);
    for (let index = 1; index < times.length; index++)
      expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(950);

    // Finalised exactly once, last, as a message with the whole text and the accept/edit/regenerate card.
    expect(parts.filter((part) => part.streamType === 'final')).toHaveLength(1);
    expect(parts.at(-1)).toEqual(final);
    expect(final).toMatchObject({ type: 'message', text: ANSWER, streamId });
    expect(actionData(final.card!, 'accept_output')).not.toBeNull();
    expect(cardText(final.card!)).not.toContain(ANSWER);

    // The card the employee clicked no longer says "Generating…".
    const clicked = await waitFor('the clicked card to be updated', () =>
      updatesOf(user.received, 'memo-card').find((card) => !cardText(card).includes('Generating…')),
    );
    expect(cardText(clicked)).toContain('The answer is in the message below.');
    expect(actionData(clicked, 'accept_output')).toBeNull();

    // Only the whole answer is stored, and the card under it moves the session on.
    const session = await chat.server.store.sessions.get(DEMO_TENANT.id, sessionId);
    const attempts = session!.steps.flatMap((step) => step.attempts);
    expect(attempts.map((attempt) => attempt.text)).toEqual([ANSWER]);
    const next = await user.click(actionData(final.card!, 'accept_output')!);
    expect(cardText(next)).not.toContain('out of date');

    for (const piece of PIECES.slice(1)) expect(logLines.join('\n')).not.toContain(piece.trim());
  }, 60_000);

  it('updates the card with the whole answer in a group chat, where Teams does not stream', async () => {
    const person = requireDemoPerson('rahul.mehta@northwind.example');
    const conversation = { id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat' };
    const post = async (activity: Record<string, unknown>) => {
      const response = await fetch(`${chat.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, conversation: { ...conversation, tenantId: DEMO_TENANT.id } }),
      });
      expect(response.status).toBe(200);
      return (await response.json().catch(() => null)) as { value?: Card } | null;
    };
    const base = () =>
      messageActivity({
        tenantId: DEMO_TENANT.id,
        aadObjectId: person.aadObjectId,
        name: person.displayName,
        serviceUrl: chat.connector.serviceUrl,
      });
    const click = async (data: Record<string, unknown>) =>
      (
        await post({
          ...base(),
          type: 'invoke',
          name: 'adaptiveCard/action',
          text: undefined,
          replyToId: 'group-card',
          value: { action: { type: 'Action.Execute', verb: 'practica', data }, trigger: 'manual' },
        })
      )?.value;
    const inGroup = () => chat.connector.sent.filter((sent) => sent.conversationId === conversation.id);

    await post(base());
    const first = await click({ op: 'start', workflowId: await memoId() });
    const generating = await click({ ...actionData(first!, 'submit_inputs')!, ...MATERIAL });
    expect(cardText(generating!)).toContain('Generating…');

    const answered = await waitFor('the card update', () =>
      updatesOf(inGroup(), 'group-card').find((card) => actionData(card, 'accept_output') !== null),
    );
    expect(cardText(answered)).toContain(ANSWER);
    expect(streamParts(inGroup())).toEqual([]);
  }, 60_000);

  it('ends the stream cleanly when the model breaks off, keeps nothing of it, and offers the failure card', async () => {
    behaviour = 'break-off';
    const callsBefore = modelCalls;
    const user = chat.userFor('aisha.khan@northwind.example');
    const { since, sessionId } = await submitMaterial(user, 'broken-card');

    const final = await waitFor('the end of the stream', finalOf(user, since));
    const parts = streamParts(user.received.slice(since));
    expect(parts.map((part) => part.streamType)).toEqual([
      'informative',
      ...parts.slice(1, -1).map(() => 'streaming'),
      'final',
    ]);
    expect(parts.some((part) => part.streamType === 'streaming')).toBe(true);
    expect(final).toMatchObject({ type: 'message', text: ANSWER_FAILED_NOTE, card: null });

    const failed = await waitFor('the failure card', () =>
      updatesOf(user.received, 'broken-card').find((card) => actionData(card, 'switch_to_byo') !== null),
    );
    expect(cardText(failed)).toContain('The AI service is not available right now.');
    expect(actionData(failed, 'regenerate')).not.toBeNull();
    expect(modelCalls - callsBefore).toBe(1);

    const session = await chat.server.store.sessions.get(DEMO_TENANT.id, sessionId);
    const attempts = session!.steps.flatMap((step) => step.attempts);
    expect(attempts).toEqual([expect.objectContaining({ status: 'failed', text: null })]);
    expect(session!.status).toBe('active');
  }, 60_000);

  it('shows the answer in the card when Teams stops the stream part-way (the Stop button)', async () => {
    chat.connector.intercept = ({ activity }) => {
      const entities = (activity.entities ?? []) as { type?: string; streamSequence?: number }[];
      const info = entities.find((entity) => entity.type === 'streaminfo');
      return info && (info.streamSequence ?? 0) >= 3
        ? {
            status: 403,
            body: {
              error: { code: 'ContentStreamNotAllowed', message: 'Content stream was cancelled by user.' },
            },
          }
        : null;
    };
    const user = chat.userFor('priya.raman@northwind.example');
    const { since } = await submitMaterial(user, 'stopped-card');

    const answered = await waitFor('the card update with the answer', () =>
      updatesOf(user.received, 'stopped-card').find((card) => actionData(card, 'accept_output') !== null),
    );
    expect(cardText(answered)).toContain(ANSWER);
    const parts = streamParts(user.received.slice(since));
    expect(parts.map((part) => part.streamType)).toEqual(['informative', 'streaming']);
  }, 60_000);
});
