import type { GenerationTextSink, Logger, Session, Store } from '../core';
import { AnswerStream, type AnswerStreamOptions } from './answer-stream';
import type { ConversationMessenger } from './proactive';

export const ANSWER_INFORMATIVE_TEXT = 'Asking the AI service… the answer will appear here as it is written.';

export type ChatAnswerSink = GenerationTextSink & {
  /** The stream that was opened, once `begin` asked for the text; null when the answer is not streamed. */
  readonly stream: AnswerStream | null;
};

/**
 * Streams a generation into the employee's chat with the bot when Teams can show it there: a 1:1 chat
 * (Teams streams nowhere else) and a messenger that can post stream parts. Anything else declines, and the
 * answer reaches the chat the ordinary way once it is complete.
 */
export function chatAnswerSink(options: {
  store: Store;
  messenger: ConversationMessenger;
  logger: Logger;
  streamOptions?: Omit<AnswerStreamOptions, 'post' | 'logger'>;
}): ChatAnswerSink {
  const { store, messenger, logger } = options;
  let stream: AnswerStream | null = null;
  return {
    get stream() {
      return stream;
    },
    async begin(session: Session) {
      const postStreamPart = messenger.postStreamPart?.bind(messenger);
      if (!postStreamPart) return false;
      let reference;
      try {
        reference = (await store.people.get(session.tenantId, session.personId))?.conversationReference;
      } catch (error) {
        logger.warn('Could not read where to stream an answer; it will update the card instead', {
          sessionId: session.id,
          error: error instanceof Error ? error.message : String(error),
        });
        return false;
      }
      if (reference?.conversationType !== 'personal') return false;
      const opened = new AnswerStream({
        ...options.streamOptions,
        post: (part) => postStreamPart(reference, part),
        logger: logger.child({ sessionId: session.id }),
      });
      if (!(await opened.open(ANSWER_INFORMATIVE_TEXT))) return false;
      stream = opened;
      return true;
    },
    append(delta: string) {
      stream?.append(delta);
    },
  };
}
