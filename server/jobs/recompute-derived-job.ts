import {
  derivedDataPayload,
  recomputeLevels,
  recomputeRollups,
  RECOMPUTE_DERIVED_JOB,
  type Ids,
  type Store,
} from '../../core';
import type { JobDefinition } from './job-definition';

/**
 * After an L&D admin changes the level rules, the week's time zone or the quality bar: every person's levels
 * and the metric rollups are recomputed under the new rules (what `npm run recompute` does by hand).
 */
export function recomputeDerivedJob(store: Store, ids: Ids): JobDefinition {
  return {
    kind: RECOMPUTE_DERIVED_JOB,
    async run(job, { now, logger }) {
      const wanted = derivedDataPayload(job.payload);
      if (wanted.levels) {
        const changes = await recomputeLevels({ store, ids, tenantId: job.tenantId, now });
        logger.info('Levels recomputed after a settings change', { levelsChanged: changes.length });
      }
      if (wanted.rollups) {
        const rollups = await recomputeRollups({ store, tenantId: job.tenantId });
        logger.info('Metric rollups recomputed after a settings change', {
          rowsChanged: rollups.changedRows,
        });
      }
    },
  };
}
