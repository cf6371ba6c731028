import { syncDirectory, type Clock, type DirectoryReader, type Store } from '../../core';
import type { JobDefinition } from './job-definition';

export const DIRECTORY_SYNC_JOB = 'directory.sync';
/** A sync an admin asked for: the same work, not recurring (the schedule stays with DIRECTORY_SYNC_JOB). */
export const DIRECTORY_SYNC_NOW_JOB = 'directory.sync.now';

/**
 * The directory sync of the configured tenant: a full read first, then delta rounds every `intervalMinutes`.
 * A failed round is recorded in the sync state (shown to admins) and the job still completes, so the schedule
 * carries on and the next run tries again from the same delta link.
 */
export function directorySyncJobs(options: {
  store: Store;
  clock: Clock;
  tenantId: string;
  reader: DirectoryReader;
  intervalMinutes: number;
}): JobDefinition[] {
  const run: JobDefinition['run'] = async (job, { logger, signal }) => {
    if (job.tenantId !== options.tenantId) return;
    await syncDirectory({
      store: options.store,
      clock: options.clock,
      tenantId: job.tenantId,
      reader: options.reader,
      logger,
      signal,
      full: job.payload.full === true,
    });
  };
  return [
    {
      kind: DIRECTORY_SYNC_JOB,
      run,
      nextRunAt: (completedAt) => new Date(completedAt.getTime() + options.intervalMinutes * 60_000),
    },
    { kind: DIRECTORY_SYNC_NOW_JOB, run },
  ];
}

/** Queues the recurring sync for the configured tenant (only it: other tenants have no directory to read). */
export async function scheduleDirectorySync(store: Store, tenantId: string, now: Date): Promise<void> {
  await store.jobs.enqueue({
    tenantId,
    kind: DIRECTORY_SYNC_JOB,
    payload: {},
    runAt: now,
    uniqueKey: DIRECTORY_SYNC_JOB,
  });
}
