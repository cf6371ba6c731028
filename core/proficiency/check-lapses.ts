import type { Ids, Store } from '../ports';
import { workflowAuthorship } from './assess-person';
import { reassessLevels } from './reassess-levels';
import type { LevelChange, LevelChangeReason } from './stored-level';

type TenantMoment = { store: Store; ids: Ids; tenantId: string; now: Date };

/** Each person assessed as of `now` in a short transaction of their own; returns what changed. */
async function reassessEach(
  options: TenantMoment,
  personIds: string[],
  reason: LevelChangeReason,
): Promise<LevelChange[]> {
  const { store, ids, tenantId, now } = options;
  const authorship = await workflowAuthorship(store, tenantId);
  const changes: LevelChange[] = [];
  for (const personId of personIds) {
    const changed = await store.transaction((tx) =>
      reassessLevels({ store: tx, ids, tenantId, personIds: [personId], at: now, reason, authorship }),
    );
    changes.push(...changed);
  }
  return changes;
}

/**
 * The daily lapse check: everyone holding L2 or more is assessed as of `now`, so a level whose area went
 * quiet drops a step without waiting for an event.
 */
export async function checkLapses(options: TenantMoment): Promise<LevelChange[]> {
  return reassessEach(
    options,
    await options.store.levels.listPeopleAtOrAbove(options.tenantId, 2),
    'evidence',
  );
}

/** Every person of the tenant assessed afresh from the event log (npm run recompute); returns what changed. */
export async function recomputeLevels(options: TenantMoment): Promise<LevelChange[]> {
  const people = await options.store.people.list(options.tenantId);
  return reassessEach(
    options,
    people.map((person) => person.id),
    'recompute',
  );
}
