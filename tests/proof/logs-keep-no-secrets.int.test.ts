import { LlmError } from '../../core/llm';
import { DEMO_TENANT } from '../../server/demo';
import { createLogger } from '../../server/logger';
import { runToFeedback, SAMPLE_MATERIAL } from '../bot/session-driver';
import { ScriptedLlm } from '../fakes/scripted-llm';
import { startChat, type Chat } from '../support/chat';
import type { TestServer } from '../support/practica-server';
import { actionData, inputIds } from '../support/teams-user';

const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
const LRS_PASSWORD = 'lrs-password-that-must-stay-secret';
const MODEL_OUTPUT = 'MODEL-OUTPUT The 40,500 increase is the Acme accrual booked twice.';
const MODEL_FAILURE = 'upstream said: prompt was "Explain the largest variances"';

/**
 * A whole session with logging at debug level: a model that fails once then answers, an LRS that refuses the
 * connection, API calls with bearer tokens. The captured log lines must hold identifiers and counts only.
 */
describe('what the logs keep', () => {
  const lines: string[] = [];
  let harness: Chat;
  let server: TestServer;

  beforeAll(async () => {
    const llm = new ScriptedLlm((_request, call) =>
      call === 0 ? new LlmError('unavailable', MODEL_FAILURE) : { text: MODEL_OUTPUT },
    );
    harness = await startChat(
      'pglite',
      {
        PRACTICA_SECRET_KEY: SECRET_KEY,
        LOG_LEVEL: 'debug',
        LRS_TARGETS: 'lms',
        LRS_LMS_ENDPOINT: 'http://127.0.0.1:9/xapi/',
        LRS_LMS_USERNAME: 'practica',
        LRS_LMS_PASSWORD: LRS_PASSWORD,
        LRS_LMS_ACTOR: 'mbox',
        LRS_DISPATCH_POLL_MS: '50',
      },
      { llm, logger: createLogger('debug', {}, (_level, line) => lines.push(line)) },
    );
    server = harness.server;
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('hold no input, prompt, model output, deliverable, password, key or token', async () => {
    const jordan = (await server.store.people.findByEmail(DEMO_TENANT.id, 'jordan.ellis@northwind.example'))!;
    const chat = harness.userFor('jordan.ellis@northwind.example');
    const memo = (await server.store.workflows.listPublished(DEMO_TENANT.id)).find(
      (workflow) => workflow.title === 'Monthly reconciliation variance memo',
    )!;
    const first = await chat.click({ op: 'start', workflowId: memo.id }, {}, { replyToId: 'log-card' });
    // The model fails once: the employee tries again from the card, then finishes the session.
    const inputs = Object.fromEntries(inputIds(first).map((id) => [id, `${SAMPLE_MATERIAL} (${id})`]));
    await chat.click(actionData(first, 'submit_inputs')!, inputs, { replyToId: 'log-card' });
    const failed = await chat.waitForUpdate('log-card', (card) => actionData(card, 'regenerate') !== null);
    const retried = await chat.click(actionData(failed, 'regenerate')!, {}, { replyToId: 'log-card' });
    await runToFeedback(chat, retried, { ratings: 2, replyToId: 'log-card' });
    const token = await server.devTokens!.issue(jordan);
    for (const path of ['/me/profile', '/me/export', '/workflows?q=variance'])
      expect(
        (await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(200);
    await fetch(`${server.url}/api/v1/me/profile`, { headers: { authorization: `Bearer ${token}x` } });
    // Let the dispatcher try the LRS that refuses connections a few times.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(20);
    expect(log).toContain('"level":"warn"');
    // Identifiers are what the logs are for: the session is named, its content is not.
    expect(log).toContain(String(actionData(first, 'submit_inputs')!.sessionId));
    const secrets = {
      input: SAMPLE_MATERIAL.slice(0, 40),
      prompt: 'Explain the largest variances',
      modelOutput: 'booked twice',
      modelFailure: 'upstream said',
      lrsPassword: LRS_PASSWORD,
      secretKey: SECRET_KEY,
      token: token.split('.')[2]!,
      corrections: 'Fixed the Acme amount',
    };
    const found = Object.entries(secrets)
      .filter(([, secret]) => log.includes(secret))
      .map(([name]) => name);
    expect(found).toEqual([]);
  }, 120_000);
});
