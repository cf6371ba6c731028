import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  actionsData,
  cardOfActivity,
  cardOfInvokeResponse,
  cardText,
  conversationIdOf,
  invokeActivity,
  messageActivity,
  postActivity,
  type Persona,
  streamedText,
  type Posted,
} from './activities';
import { benchPersonas, practicaLog, startPractica } from './bot';
import { filledInputs, startWorkflowIds } from './bot-load';
import { startLocalConnector, type LocalConnector } from './local-connector';
import { SLOW_MODEL_ANSWER, startSlowModel } from './slow-model';
import { formatMs, percentile } from './stats';

export type SlowModelOptions = {
  conversations: number;
  /** How long the model takes to answer. */
  modelDelayMs: number;
  /** How long after submitting its inputs each conversation waits for the generation to reach the chat. */
  waitMs: number;
  /** How often each conversation types `status` while it waits (turns that must stay fast meanwhile). */
  statusEveryMs: number;
};

type Outcome = {
  /** Every activity this conversation posted: its HTTP status and time to response. */
  posted: Posted[];
  /** ms from submitting the inputs to the card update that carries the model's answer, if it came. */
  answeredAfterMs: number | null;
  /** The card update that came instead of the answer (a failure shown to the employee), if any. */
  failure: string | null;
  started: boolean;
};

const isOk = (posted: Posted) => posted.status === 200;

async function converse(
  botUrl: string,
  connector: LocalConnector,
  persona: Persona,
  index: number,
  options: SlowModelOptions,
): Promise<Outcome> {
  const outcome: Outcome = { posted: [], answeredAfterMs: null, failure: null, started: false };
  const post = async (activity: Record<string, unknown>) => {
    const posted = await postActivity(botUrl, activity).catch((error: unknown): Posted => ({
      status: 0,
      body: String(error),
      ms: 30_000,
    }));
    outcome.posted.push(posted);
    return posted;
  };
  const say = (text: string) => post(messageActivity(persona, connector.serviceUrl, text));
  const cardId = `slow-card-${index}`;
  const click = async (data: Record<string, unknown>) =>
    cardOfInvokeResponse((await post(invokeActivity(persona, connector.serviceUrl, data, cardId))).body);

  const helpSent = performance.now();
  await say('help');
  const workflowIds = startWorkflowIds(connector, persona, helpSent);
  const workflowId = workflowIds[index % Math.max(1, workflowIds.length)];
  if (!workflowId) return outcome;
  let card = await click({ op: 'start', workflowId });
  // A workflow may ask for its material over more than one input step before the first generate step.
  for (let step = 0; step < 3 && !cardText(card).includes('Generating'); step++) {
    const submit = actionsData(card, 'submit_inputs')[0];
    if (!submit) return outcome;
    card = await click({ ...submit, ...filledInputs(card) });
  }
  if (!cardText(card).includes('Generating')) return outcome;
  outcome.started = true;
  const submittedAt = performance.now();

  const conversationId = conversationIdOf(persona);
  while (performance.now() - submittedAt < options.waitMs) {
    await new Promise((resolve) => setTimeout(resolve, options.statusEveryMs));
    const since = connector.recent(conversationId).filter((received) => received.receivedAt > submittedAt);
    const updates = since.filter((received) => received.updatedActivityId === cardId);
    // In a 1:1 chat the answer is streamed: it arrives as the text of the stream's final message.
    const answered =
      updates.find((received) => cardText(cardOfActivity(received.activity)).includes(SLOW_MODEL_ANSWER)) ??
      since.find((received) => streamedText(received.activity).includes(SLOW_MODEL_ANSWER));
    if (answered) {
      outcome.answeredAfterMs = answered.receivedAt - submittedAt;
      return outcome;
    }
    const other = updates[0];
    if (other) {
      outcome.failure = cardText(cardOfActivity(other.activity)).split('\n').slice(0, 3).join(' / ');
      return outcome;
    }
    await say('status');
  }
  return outcome;
}

/**
 * DESIGN §9, bot under a slow model: Practica with an OpenAI-compatible model that takes `modelDelayMs`.
 * Each conversation starts a workflow and submits its inputs (a generation job starts), then keeps typing
 * `status` while it waits. Reports p95 from activity to HTTP response over all of those turns, and how many
 * generations reached the chat (the connector received the card update with the answer) in time.
 */
export async function benchSlowModel(
  options: SlowModelOptions,
  print: (line: string) => void,
): Promise<void> {
  const connector = await startLocalConnector();
  const model = await startSlowModel(options.modelDelayMs);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'practica-bench-llm-'));
  try {
    const practica = await startPractica(
      { PGLITE_DATA_DIR: path.join(scratch, 'pglite') },
      { LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'bench-slow-model' },
    );
    let outcomes: Outcome[];
    try {
      const people = benchPersonas(options.conversations);
      outcomes = await Promise.all(
        people.map((person, index) => converse(practica.url, connector, person, index, options)),
      );
      if (practica.exited()) throw new Error(`Practica exited during the run: ${practica.output().trim()}`);
    } finally {
      await practica.stop();
    }

    const posted = outcomes.flatMap((outcome) => outcome.posted);
    const failedRequests = posted.filter((request) => !isOk(request)).length;
    const p95 = percentile(
      posted.map((request) => request.ms),
      0.95,
    );
    const max = Math.max(...posted.map((request) => request.ms));
    const started = outcomes.filter((outcome) => outcome.started).length;
    const answered = outcomes
      .map((outcome) => outcome.answeredAfterMs)
      .filter((ms): ms is number => ms !== null);
    const failuresShown = outcomes
      .map((outcome) => outcome.failure)
      .filter((failure): failure is string => failure !== null);
    const modelStats = model.stats();
    const delay = formatMs(options.modelDelayMs);
    const latencyMeets = p95 <= 1_000 && failedRequests === 0;
    print(
      `bot under a ${delay} model, ${outcomes.length} conversations, PGlite: p95 activity to HTTP response ` +
        `${formatMs(p95)} over ${posted.length} activities (max ${formatMs(max)}, ${failedRequests} failed or timed out) ` +
        `(target <= 1 s): ${latencyMeets ? 'meets' : 'MISSES'}`,
    );
    const allArrived = started === outcomes.length && answered.length === outcomes.length;
    const range =
      answered.length === 0
        ? ''
        : answered.length === 1
          ? ` after ${formatMs(answered[0] ?? 0)}`
          : ` after ${formatMs(Math.min(...answered))}-${formatMs(Math.max(...answered))}`;
    const waiting = started - answered.length - failuresShown.length;
    print(
      `  generations delivered: ${answered.length} of ${outcomes.length} answers reached the chat within ` +
        `${formatMs(options.waitMs)} of submitting${range} (${started} generation jobs started, ` +
        `${failuresShown.length} shown as failed, ${waiting} still without a result): ` +
        `${allArrived ? 'meets' : 'MISSES'}`,
    );
    if (failuresShown.length > 0)
      print(
        `  shown instead of an answer (${failuresShown.length}): ${[...new Set(failuresShown)].join(' | ')}`,
      );
    const inProgress = modelStats.requests - modelStats.answered - modelStats.abandoned;
    print(
      `  the model received ${modelStats.requests} requests: it answered ${modelStats.answered}, Practica closed ` +
        `${modelStats.abandoned} before the answer came, ${inProgress} still in progress when the run ended`,
    );
    const log = practicaLog(practica);
    if (log) print(`  Practica logged (LOG_LEVEL=warn): ${log}`);
  } finally {
    await model.close();
    await connector.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
