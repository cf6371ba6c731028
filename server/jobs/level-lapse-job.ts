import { checkLapses, issueDueCredentials, type Ids, type Store } from '../../core';
import type { CredentialIssuing } from './credential-issue-job';
import { nextDailyRun } from './housekeeping';
import type { JobDefinition } from './job-definition';

export const LEVEL_LAPSE_JOB = 'levels.lapse';

/**
 * Daily per tenant: levels of L2 or more whose skill area has gone quiet for the lapse period drop a step, and
 * people still practising whose credential has expired get a new one (a renewed L2).
 */
export function levelLapseJob(
  store: Store,
  ids: Ids,
  issuing: CredentialIssuing | null = null,
): JobDefinition {
  return {
    kind: LEVEL_LAPSE_JOB,
    async run(job, { now, logger }) {
      const changes = await checkLapses({ store, ids, tenantId: job.tenantId, now });
      logger.info('Level lapse check done', { levelsChanged: changes.length });
      if (!issuing) return;
      let issued = 0;
      for (const personId of await store.levels.listPeopleAtOrAbove(job.tenantId, 2))
        issued += (
          await issueDueCredentials({ store, ids, ...issuing, tenantId: job.tenantId, personId, now })
        ).length;
      logger.info('Credentials renewed', { issued });
    },
    nextRunAt: (completedAt) => nextDailyRun(completedAt, 2),
  };
}
