import { captureSummaryMessage, type ConversationMessenger } from '../../bot';
import {
  CAPTURE_DRAFT_JOB,
  draftCaptureWithModel,
  PermanentJobError,
  type Clock,
  type Ids,
  type LlmClient,
  type Store,
} from '../../core';
import type { JobDefinition } from './job-definition';

/**
 * Writes a captured workflow's draft with the model, outside any Teams turn, then posts the summary card in
 * the author's chat with the bot. A failed model call is retried by the worker.
 */
export function captureDraftJob(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  llm: LlmClient;
  messenger: ConversationMessenger;
  workflowEditUrl: (workflowId: string) => string;
}): JobDefinition {
  const { store, messenger } = options;
  return {
    kind: CAPTURE_DRAFT_JOB,
    async run(job, { signal, logger }) {
      const { interviewId } = job.payload;
      if (typeof interviewId !== 'string')
        throw new PermanentJobError('capture draft job without an interview');
      const result = await draftCaptureWithModel({ ...options, tenantId: job.tenantId, interviewId, signal });
      if (result.kind === 'not-needed') {
        logger.info('Capture draft not needed: the interview moved on', { interviewId });
        return;
      }
      logger.info('Capture draft saved', { interviewId, source: result.source });
      const author = await store.people.get(job.tenantId, result.interview.authorId);
      const reference = author?.conversationReference;
      if (!reference) {
        logger.info('Capture summary not sent: no conversation with the author', { interviewId });
        return;
      }
      const message = await captureSummaryMessage(
        { store, workflowEditUrl: options.workflowEditUrl, llmAvailable: true },
        job.tenantId,
        result.interview,
        result.modelProblems,
      );
      if (message.kind === 'card') await messenger.sendCard(reference, message.card);
    },
  };
}
