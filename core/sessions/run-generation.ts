import { describeLlmFailure, LlmError, type LlmClient } from '../llm';
import type { Clock, Ids, Store } from '../ports';
import type { WorkflowVersion } from '../workflows';
import { actOnSession } from './act-on-session';
import { promptMessages } from './compose';
import type { GenerationAttempt, Session } from './session';

export type GenerationResult =
  | { kind: 'succeeded' | 'failed'; session: Session; version: WorkflowVersion; attempt: GenerationAttempt }
  /** The attempt is no longer waiting (already answered, the employee moved on, or the session is gone). */
  | { kind: 'skipped' };

/**
 * Where an answer can be shown while the model writes it (a Teams 1:1 chat). What it is handed is shown,
 * never stored: only the whole answer is recorded on the session.
 */
export interface GenerationTextSink {
  /** The attempt is waiting and the model is about to be called; resolves true to be handed the text as it comes. */
  begin(session: Session): Promise<boolean>;
  /** The next piece of the answer, in order. */
  append(delta: string): void;
}

/**
 * Runs one generation attempt on the model outside any transaction, then records the answer (or the
 * failure, in words the employee understands) on the session. The prompt is composed here from the stored
 * inputs, so it never sits in a job payload.
 */
export async function runGeneration(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  llm: LlmClient;
  tenantId: string;
  sessionId: string;
  attemptId: string;
  signal?: AbortSignal;
  /** Used only with a client that can stream, and only if the sink asks for the text. */
  textSink?: GenerationTextSink;
}): Promise<GenerationResult> {
  const { store, tenantId, sessionId, attemptId } = options;
  const session = await store.sessions.get(tenantId, sessionId);
  if (!session || session.status === 'abandoned') return { kind: 'skipped' };
  const index = session.steps.findIndex((record) =>
    record.attempts.some((attempt) => attempt.id === attemptId),
  );
  const attempt = session.steps[index]?.attempts.find((candidate) => candidate.id === attemptId);
  const version = await store.workflows.getVersion(tenantId, session.workflowVersionId);
  const step = version?.definition.steps[index];
  if (!attempt || attempt.status !== 'pending' || !version || step?.kind !== 'generate')
    return { kind: 'skipped' };

  let action:
    | { type: 'generation_succeeded'; attemptId: string; text: string }
    | { type: 'generation_failed'; attemptId: string; reason: string };
  try {
    const request = { messages: promptMessages(session, step, attempt.note), signal: options.signal };
    const { llm, textSink } = options;
    const stream = llm.stream?.bind(llm);
    const response =
      stream && textSink && (await textSink.begin(session))
        ? await stream(request, (delta) => textSink.append(delta))
        : await llm.complete(request);
    action = { type: 'generation_succeeded', attemptId, text: response.text };
  } catch (error) {
    const kind = error instanceof LlmError ? error.kind : 'unavailable';
    action = { type: 'generation_failed', attemptId, reason: describeLlmFailure(kind) };
  }
  const result = await actOnSession({ ...options, action, actorPersonId: null, llmAvailable: true });
  if (result.kind !== 'applied') return { kind: 'skipped' };
  const updated = result.session.steps[index]?.attempts.find((candidate) => candidate.id === attemptId);
  if (!updated) return { kind: 'skipped' };
  return {
    kind: action.type === 'generation_succeeded' ? 'succeeded' : 'failed',
    session: result.session,
    version: result.version,
    attempt: updated,
  };
}
