import type { Clock, Ids, Logger, Store } from '../core';

export type BotDependencies = {
  store: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /** False in bring-your-own-AI mode (no model configured). */
  llmAvailable: boolean;
};
