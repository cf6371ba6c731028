import type { DomainEvent } from '../events';
import type { Ids, Store } from '../ports';
import { assessPerson, workflowAuthorship } from './assess-person';
import type { WorkflowAuthorship } from './facts-from-events';
import type { EvidenceRef, LevelAssessment } from './level';
import type { LevelChange, LevelChangeReason, StoredLevel } from './stored-level';

const sameEvidence = (a: EvidenceRef[], b: EvidenceRef[]) =>
  a.length === b.length && a.every((ref, index) => ref.kind === b[index]?.kind && ref.id === b[index]?.id);

/**
 * Assesses each person's levels in every skill area as of `at` and stores what changed: the current level
 * with its evidence, a history row, and a `level.changed` event (which the LMS connector sends as
 * `mastered`). Call it inside the transaction that wrote the evidence, so levels never disagree with it.
 */
export async function reassessLevels(options: {
  store: Store;
  ids: Ids;
  tenantId: string;
  personIds: string[];
  at: Date;
  reason: LevelChangeReason;
  authorship?: WorkflowAuthorship;
}): Promise<LevelChange[]> {
  const { store, tenantId, at } = options;
  const settings = (await store.tenants.get(tenantId))?.settings;
  const authorship = options.authorship ?? (await workflowAuthorship(store, tenantId));
  const changes: LevelChange[] = [];
  for (const personId of new Set(options.personIds)) {
    const { asOf, stored, assessments } = await assessPerson({
      store,
      tenantId,
      personId,
      now: at,
      settings,
      authorship,
    });
    const previousByArea = new Map(stored.map((row) => [row.skillArea, row]));
    for (const assessment of assessments) {
      const change = await storeAssessment({
        ...options,
        at: asOf,
        personId,
        assessment,
        previous: previousByArea.get(assessment.skillArea) ?? null,
      });
      if (change) changes.push(change);
    }
  }
  return changes;
}

async function storeAssessment(options: {
  store: Store;
  ids: Ids;
  tenantId: string;
  personId: string;
  at: Date;
  reason: LevelChangeReason;
  assessment: LevelAssessment;
  previous: StoredLevel | null;
}): Promise<LevelChange | null> {
  const { store, ids, tenantId, personId, at, assessment, previous } = options;
  const fromLevel = previous?.level ?? 0;
  if (!previous && assessment.level === 0) return null;
  if (previous && previous.level === assessment.level && sameEvidence(previous.evidence, assessment.evidence))
    return null;
  const changed = fromLevel !== assessment.level;
  await store.levels.save({
    tenantId,
    personId,
    skillArea: assessment.skillArea,
    level: assessment.level,
    evidence: assessment.evidence,
    reachedAt: changed || !previous ? at : previous.reachedAt,
    updatedAt: at,
  });
  if (!changed) return null;
  const reason = assessment.lapsed && assessment.level < fromLevel ? 'lapse' : options.reason;
  const change: LevelChange = {
    id: ids.uuid(),
    tenantId,
    personId,
    skillArea: assessment.skillArea,
    fromLevel,
    toLevel: assessment.level,
    reason,
    evidence: assessment.evidence,
    at,
  };
  await store.levels.appendChange(change);
  const event: DomainEvent = {
    id: ids.uuid(),
    tenantId,
    type: 'level.changed',
    personId,
    sessionId: null,
    workflowId: null,
    occurredAt: at,
    data: {
      skillArea: assessment.skillArea,
      fromLevel,
      toLevel: assessment.level,
      reason,
      evidence: assessment.evidence,
    },
  };
  await store.events.append(event);
  return change;
}
