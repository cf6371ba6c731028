import type { Ids, Store } from '../ports';
import { workflowAuthorship } from './assess-person';
import { reassessLevels } from './reassess-levels';
import type { LevelChange } from './stored-level';

/**
 * The daily lapse check: everyone holding L2 or more is assessed as of `now`, so a level whose area went
 * quiet drops a step without waiting for an event. One short transaction per person.
 */
export async function checkLapses(options: {
  store: Store;
  ids: Ids;
  tenantId: string;
  now: Date;
}): Promise<LevelChange[]> {
  const { store, tenantId, now } = options;
  const authorship = await workflowAuthorship(store, tenantId);
  const changes: LevelChange[] = [];
  for (const personId of await store.levels.listPeopleAtOrAbove(tenantId, 2)) {
    changes.push(
      ...(await store.transaction((tx) =>
        reassessLevels({
          store: tx,
          ids: options.ids,
          tenantId,
          personIds: [personId],
          at: now,
          reason: 'evidence',
          authorship,
        }),
      )),
    );
  }
  return changes;
}

/** Every person of the tenant assessed afresh from the event log (npm run recompute); returns what changed. */
export async function recomputeLevels(options: {
  store: Store;
  ids: Ids;
  tenantId: string;
  now: Date;
}): Promise<LevelChange[]> {
  const { store, tenantId, now } = options;
  const authorship = await workflowAuthorship(store, tenantId);
  const changes: LevelChange[] = [];
  for (const person of await store.people.list(tenantId)) {
    changes.push(
      ...(await store.transaction((tx) =>
        reassessLevels({
          store: tx,
          ids: options.ids,
          tenantId,
          personIds: [person.id],
          at: now,
          reason: 'recompute',
          authorship,
        }),
      )),
    );
  }
  return changes;
}
