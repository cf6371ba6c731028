import type { EvidenceRef, Level } from './level';

/** A person's current level in one skill area, with what it rests on. */
export type StoredLevel = {
  tenantId: string;
  personId: string;
  skillArea: string;
  level: Level;
  evidence: EvidenceRef[];
  /** When the person reached this level (the change that set it). */
  reachedAt: Date;
  updatedAt: Date;
};

export type LevelChangeReason = 'evidence' | 'lapse' | 'recompute';

/** One step in a person's level history (progression velocity is read from these). */
export type LevelChange = {
  id: string;
  tenantId: string;
  personId: string;
  skillArea: string;
  fromLevel: Level;
  toLevel: Level;
  reason: LevelChangeReason;
  evidence: EvidenceRef[];
  at: Date;
};

export interface LevelRepository {
  listForPerson(tenantId: string, personId: string): Promise<StoredLevel[]>;
  /** People holding at least `level` in some area (the daily lapse check looks at them). */
  listPeopleAtOrAbove(tenantId: string, level: Level): Promise<string[]>;
  save(level: StoredLevel): Promise<void>;
  appendChange(change: LevelChange): Promise<void>;
  listChanges(tenantId: string, options?: { personId?: string; limit?: number }): Promise<LevelChange[]>;
}
