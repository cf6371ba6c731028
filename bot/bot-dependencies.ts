import type { Clock, Ids, Logger, Store } from '../core';

export type BotDependencies = {
  store: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /** False in bring-your-own-AI mode (no model configured). */
  llmAvailable: boolean;
  /** Where the tab shows a session's deliverable in full (for deliverables too long for a chat message). */
  deliverableUrl: (sessionId: string) => string;
};
