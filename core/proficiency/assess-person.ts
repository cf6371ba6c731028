import type { Store } from '../ports';
import { assessSkillArea } from './assess-skill-area';
import { factsFromEvents, LEVEL_EVIDENCE_EVENTS, type WorkflowAuthorship } from './facts-from-events';
import type { LevelAssessment } from './level';
import { DEFAULT_LEVEL_THRESHOLDS, type LevelThresholds } from './level-thresholds';
import { noFacts, type ProficiencyFacts } from './proficiency-facts';
import type { StoredLevel } from './stored-level';
import type { TenantSettings } from '../tenants';

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

/** A person's assessment in every skill area, with the stored levels it was made against. */
export type PersonAssessment = {
  /** The moment assessed: `now`, or later when a level was set after it. */
  asOf: Date;
  stored: StoredLevel[];
  assessments: LevelAssessment[];
  /** The evidence the assessments were made from (as of `asOf`). */
  facts: ProficiencyFacts;
};

/**
 * Assesses a person's level in each of the tenant's skill areas (and any area they hold a stored level in)
 * from their recorded evidence, without storing anything: the level, its evidence and what is next.
 */
export async function assessPerson(options: {
  store: Store;
  tenantId: string;
  personId: string;
  now: Date;
  settings?: TenantSettings;
  authorship?: WorkflowAuthorship;
}): Promise<PersonAssessment> {
  const { store, tenantId, personId } = options;
  const settings = options.settings ?? (await store.tenants.get(tenantId))?.settings;
  const thresholds = levelThresholdsOf(settings);
  const authorship = options.authorship ?? (await workflowAuthorship(store, tenantId));
  const stored = await store.levels.listForPerson(tenantId, personId);
  // Never assess as of a moment before the person's levels were last set: an event recorded late (dated
  // in the past) adds to what is known; it does not turn the clock back on later evidence.
  const asOf = new Date(Math.max(options.now.getTime(), ...stored.map((row) => row.updatedAt.getTime())));
  const authored = [...authorship].filter(([, workflow]) => workflow.authorId === personId).map(([id]) => id);
  const events = (
    await store.events.listEvidence(
      tenantId,
      { personIds: [personId], workflowIds: authored },
      LEVEL_EVIDENCE_EVENTS,
    )
  ).filter((event) => event.occurredAt.getTime() <= asOf.getTime());
  const facts = factsFromEvents(events, authorship, thresholds).get(personId) ?? noFacts();
  const areas = new Set([
    ...(settings?.skillAreas ?? []).map((area) => area.id),
    ...stored.map((row) => row.skillArea),
  ]);
  return {
    asOf,
    stored,
    facts,
    assessments: [...areas].map((area) => assessSkillArea(facts, area, thresholds, asOf)),
  };
}
