import { checkLapses, type Ids, type Store } from '../../core';
import { nextDailyRun } from './housekeeping';
import type { JobDefinition } from './job-definition';

export const LEVEL_LAPSE_JOB = 'levels.lapse';

/** Daily per tenant: levels of L2 or more whose skill area has gone quiet for the lapse period drop a step. */
export function levelLapseJob(store: Store, ids: Ids): JobDefinition {
  return {
    kind: LEVEL_LAPSE_JOB,
    async run(job, { now, logger }) {
      const changes = await checkLapses({ store, ids, tenantId: job.tenantId, now });
      logger.info('Level lapse check done', { levelsChanged: changes.length });
    },
    nextRunAt: (completedAt) => nextDailyRun(completedAt, 2),
  };
}
