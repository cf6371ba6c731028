import type { DirectoryChange } from './directory-user';

export type DirectoryReadProgress = { pages: number; changes: number };

/** One whole round of the directory: every page from a delta link (or from the start) to the next delta link. */
export type DirectoryRound = { changes: DirectoryChange[]; deltaLink: string };

/** The directory port (Microsoft Graph users delta in production). */
export interface DirectoryReader {
  /**
   * Reads every page of one round: from `deltaLink`, or a full read when it is null. Throws
   * DirectoryResyncRequired when the directory no longer knows the delta link, and any other error when a
   * page cannot be read (after the reader's own retries), in which case nothing of the round is returned.
   */
  readRound(options: {
    deltaLink: string | null;
    signal?: AbortSignal;
    onProgress?: (progress: DirectoryReadProgress) => Promise<void> | void;
  }): Promise<DirectoryRound>;
}

/** The directory forgot the delta link (expired, or reset on its side): only a full read can continue. */
export class DirectoryResyncRequired extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirectoryResyncRequired';
  }
}
