import type { DomainEvent } from '../events';
import type { Ids, Store } from '../ports';
import type { TenantSettings } from '../tenants';
import { assessSkillArea } from './assess-skill-area';
import { factsFromEvents, LEVEL_EVIDENCE_EVENTS, type WorkflowAuthorship } from './facts-from-events';
import type { EvidenceRef, LevelAssessment } from './level';
import { DEFAULT_LEVEL_THRESHOLDS, type LevelThresholds } from './level-thresholds';
import { noFacts } from './proficiency-facts';
import type { LevelChange, LevelChangeReason, StoredLevel } from './stored-level';

export const levelThresholdsOf = (settings: TenantSettings | undefined): LevelThresholds => ({
  ...DEFAULT_LEVEL_THRESHOLDS,
  ...settings?.levelThresholds,
});

export async function workflowAuthorship(store: Store, tenantId: string): Promise<WorkflowAuthorship> {
  const workflows = await store.workflows.listAll(tenantId);
  return new Map(
    workflows.map((workflow) => [workflow.id, { title: workflow.title, authorId: workflow.authorId }]),
  );
}

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
  const tenant = await store.tenants.get(tenantId);
  const thresholds = levelThresholdsOf(tenant?.settings);
  const authorship = options.authorship ?? (await workflowAuthorship(store, tenantId));
  const changes: LevelChange[] = [];
  for (const personId of new Set(options.personIds)) {
    const storedLevels = await store.levels.listForPerson(tenantId, personId);
    // Never assess as of a moment before the person's levels were last set: an event recorded late (dated
    // in the past) adds to what is known; it does not turn the clock back on later evidence.
    const asOf = new Date(Math.max(at.getTime(), ...storedLevels.map((row) => row.updatedAt.getTime())));
    const authored = [...authorship]
      .filter(([, workflow]) => workflow.authorId === personId)
      .map(([id]) => id);
    const events = (
      await store.events.listEvidence(
        tenantId,
        { personIds: [personId], workflowIds: authored },
        LEVEL_EVIDENCE_EVENTS,
      )
    ).filter((event) => event.occurredAt.getTime() <= asOf.getTime());
    const facts = factsFromEvents(events, authorship, thresholds).get(personId) ?? noFacts();
    const stored = new Map(storedLevels.map((row) => [row.skillArea, row]));
    const areas = new Set([...(tenant?.settings.skillAreas ?? []).map((area) => area.id), ...stored.keys()]);
    for (const area of areas) {
      const assessment = assessSkillArea(facts, area, thresholds, asOf);
      const change = await storeAssessment({
        ...options,
        at: asOf,
        personId,
        assessment,
        previous: stored.get(area) ?? null,
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
