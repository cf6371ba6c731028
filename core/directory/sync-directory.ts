import type { Clock, Logger, Store } from '../ports';
import { DirectoryResyncRequired, type DirectoryReader, type DirectoryRound } from './directory-reader';
import {
  emptyDirectorySyncState,
  type DirectorySyncCounts,
  type DirectorySyncKind,
  type DirectorySyncState,
} from './directory-sync-state';
import { planDirectoryChanges } from './plan-directory-changes';

export type DirectorySyncOutcome =
  | { ok: true; kind: DirectorySyncKind; counts: DirectorySyncCounts }
  | { ok: false; kind: DirectorySyncKind; error: string };

/**
 * One directory sync for a tenant: a delta round from the stored delta link, or a full read when there is
 * none (first run), when asked, or when the directory no longer knows the link. The whole round is read
 * before anything is written; then the people, the leavers and the new delta link are written in one
 * transaction. A round that fails (a page that cannot be read after the reader's retries, or a write)
 * changes no person and keeps the previous delta link; the failure is recorded for the admin view.
 */
export async function syncDirectory(options: {
  store: Store;
  clock: Clock;
  tenantId: string;
  reader: DirectoryReader;
  logger: Logger;
  full?: boolean;
  signal?: AbortSignal;
}): Promise<DirectorySyncOutcome> {
  const { store, clock, tenantId, reader } = options;
  const previous = (await store.directorySync.get(tenantId)) ?? emptyDirectorySyncState(tenantId);
  let kind: DirectorySyncKind = previous.deltaLink && !options.full ? 'delta' : 'full';
  let deltaLinkKept = previous.deltaLink;
  const running: DirectorySyncState = {
    ...previous,
    runningSince: clock.now(),
    pagesRead: 0,
    changesRead: 0,
  };
  await store.directorySync.save(running);
  const onProgress = async (progress: { pages: number; changes: number }) => {
    await store.directorySync.save({ ...running, pagesRead: progress.pages, changesRead: progress.changes });
  };

  try {
    let round: DirectoryRound;
    try {
      round = await reader.readRound({
        deltaLink: kind === 'delta' ? previous.deltaLink : null,
        signal: options.signal,
        onProgress,
      });
    } catch (error) {
      if (!(error instanceof DirectoryResyncRequired)) throw error;
      options.logger.info('The directory asked for a full sync; reading everyone again', {
        reason: error.message,
      });
      kind = 'full';
      deltaLinkKept = null;
      round = await reader.readRound({ deltaLink: null, signal: options.signal, onProgress });
    }
    const now = clock.now();
    const counts = await store.transaction(async (tx) => {
      const plan = planDirectoryChanges({
        tenantId,
        changes: round.changes,
        existing: await tx.people.list(tenantId),
        full: kind === 'full',
        now,
      });
      for (const profile of plan.upserts) await tx.people.upsertProfile(tenantId, profile);
      await tx.people.markLeft(tenantId, plan.leavers, now);
      await tx.people.resolveManagers(tenantId);
      await tx.directorySync.save({
        ...previous,
        deltaLink: round.deltaLink,
        lastFullSyncAt: kind === 'full' ? now : previous.lastFullSyncAt,
        runningSince: null,
        pagesRead: 0,
        changesRead: round.changes.length,
        lastRunAt: now,
        lastRunKind: kind,
        lastSuccessAt: now,
        lastCounts: plan.counts,
      });
      return plan.counts;
    });
    options.logger.info('Directory synced', { kind, ...counts });
    return { ok: true, kind, counts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const now = clock.now();
    await store.directorySync.save({
      ...previous,
      deltaLink: deltaLinkKept,
      runningSince: null,
      pagesRead: 0,
      changesRead: 0,
      lastRunAt: now,
      lastRunKind: kind,
      lastErrorAt: now,
      lastError: message.slice(0, 1000),
    });
    options.logger.warn('Directory sync failed; nothing was changed', { kind, error: message });
    return { ok: false, kind, error: message };
  }
}
