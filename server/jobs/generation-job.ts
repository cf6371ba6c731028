import { chatAnswerSink, deliverGeneration, type ConversationMessenger } from '../../bot';
import {
  GENERATION_JOB,
  PermanentJobError,
  runGeneration,
  type Clock,
  type Ids,
  type LlmClient,
  type Store,
} from '../../core';
import type { JobDefinition } from './job-definition';

/**
 * Runs a generate step's prompt on the model outside any Teams turn, then shows the answer in the chat:
 * streamed as it is written in a 1:1 chat (when the model client can stream), else once it is complete.
 */
export function generationJob(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  llm: LlmClient;
  messenger: ConversationMessenger;
}): JobDefinition {
  return {
    kind: GENERATION_JOB,
    async run(job, { signal, logger }) {
      const { sessionId, attemptId } = job.payload;
      if (typeof sessionId !== 'string' || typeof attemptId !== 'string')
        throw new PermanentJobError('generation job without a session or attempt');
      const { store, messenger } = options;
      const textSink = chatAnswerSink({ store, messenger, logger });
      const result = await runGeneration({
        ...options,
        tenantId: job.tenantId,
        sessionId,
        attemptId,
        signal,
        textSink,
      });
      logger.info('Generation finished', {
        sessionId,
        attemptId,
        outcome: result.kind,
        streamed: textSink.stream !== null,
      });
      await deliverGeneration({ store, messenger, logger, result, stream: textSink.stream });
    },
  };
}
