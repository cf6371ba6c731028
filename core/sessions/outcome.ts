import type { DomainEventType } from '../events';
import type { Session } from './session';

export type SessionEventDraft = { type: DomainEventType; data: Record<string, unknown> };

export type SessionEffect = { kind: 'enqueue_generation'; stepId: string; attemptId: string };

/** What one action did: the new session (or the same object when nothing changed), events and jobs to queue. */
export type ActionOutcome = { session: Session; events: SessionEventDraft[]; effects: SessionEffect[] };

export type EngineContext = {
  now: Date;
  newId: () => string;
  /** False in bring-your-own-AI mode: the employee runs prompts in their own tool and pastes the result. */
  llmAvailable: boolean;
  workflowAuthorId: string;
  /** The chat message the employee acted on, which a generation job updates in place with its answer. */
  replyMessageId?: string | null;
};
