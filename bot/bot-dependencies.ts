import type { Clock, Ids, Logger, NudgeStore, Store } from '../core';

export type BotDependencies = {
  store: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /** False in bring-your-own-AI mode (no model configured). */
  llmAvailable: boolean;
  /** Where the tab shows a session's deliverable in full (for deliverables too long for a chat message). */
  deliverableUrl: (sessionId: string) => string;
  /** Where the tab's editor opens a workflow's draft ("finish in the tab"). */
  workflowEditUrl: (workflowId: string) => string;
  /**
   * Downloads and reads a file the employee attached; a problem with the file is AppError('invalid_input')
   * with a message for them. Absent where files cannot be read.
   */
  readAttachment?: (file: {
    name: string;
    downloadUrl: string;
    contentType: string | null;
  }) => Promise<{ text: string; preview: string }>;
  /** Nudge choices and reachability: replies like "stop nudges", and coming back after an uninstall. */
  nudges?: NudgeStore;
};
