export type DirectorySyncKind = 'full' | 'delta';

export type DirectorySyncCounts = { created: number; updated: number; left: number; unchanged: number };

/** Where a tenant's directory sync stands: the delta link to continue from, and how the last runs went. */
export type DirectorySyncState = {
  tenantId: string;
  deltaLink: string | null;
  lastFullSyncAt: Date | null;
  /** Set while a run is reading; with the pages and changes read so far. */
  runningSince: Date | null;
  pagesRead: number;
  changesRead: number;
  lastRunAt: Date | null;
  lastRunKind: DirectorySyncKind | null;
  lastSuccessAt: Date | null;
  lastCounts: DirectorySyncCounts | null;
  lastErrorAt: Date | null;
  lastError: string | null;
};

export function emptyDirectorySyncState(tenantId: string): DirectorySyncState {
  return {
    tenantId,
    deltaLink: null,
    lastFullSyncAt: null,
    runningSince: null,
    pagesRead: 0,
    changesRead: 0,
    lastRunAt: null,
    lastRunKind: null,
    lastSuccessAt: null,
    lastCounts: null,
    lastErrorAt: null,
    lastError: null,
  };
}

export interface DirectorySyncStateRepository {
  get(tenantId: string): Promise<DirectorySyncState | null>;
  /** Writes the whole state (insert or replace). */
  save(state: DirectorySyncState): Promise<void>;
}
