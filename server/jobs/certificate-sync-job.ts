import type { Clock, Ids, Store } from '../../core';
import { syncCertificates } from '../../lms-connector/certificates';
import { createLrsClient } from '../../lms-connector/client';
import type { LrsTarget } from '../../lms-connector/targets';
import { errorFields } from '../logger';
import { nextDailyRun } from './housekeeping';
import type { JobDefinition } from './job-definition';

export const CERTIFICATE_SYNC_JOB = 'certificate.sync';

/**
 * Daily per tenant: reads new certificates from each of the tenant's LRS targets. Each target's watermark
 * travels in the job's payload to the next occurrence; a target that fails keeps its watermark (and is read
 * again next time) without stopping the others; if every target failed, the job fails and is retried.
 */
export function certificateSyncJob(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  baseUrl: string;
  targetsFor(tenantId: string): readonly LrsTarget[];
  createClient?: typeof createLrsClient;
}): JobDefinition {
  const createClient = options.createClient ?? createLrsClient;
  return {
    kind: CERTIFICATE_SYNC_JOB,
    async run(job, { logger }) {
      const targets = options.targetsFor(job.tenantId);
      const tenant = await options.store.tenants.get(job.tenantId);
      if (!tenant || targets.length === 0) return;
      const previous = readWatermarks(job.payload.watermarks);
      const watermarks: Record<string, string> = { ...previous };
      const people = await options.store.people.list(job.tenantId);
      let failures = 0;
      for (const target of targets) {
        try {
          const since = previous[target.name] ? new Date(previous[target.name] as string) : null;
          const result = await syncCertificates({
            store: options.store,
            clock: options.clock,
            ids: options.ids,
            tenantId: job.tenantId,
            target,
            client: createClient(target),
            since,
            baseUrl: options.baseUrl,
            patterns: tenant.settings.certificateSkillAreaPatterns ?? [],
            people,
          });
          if (result.watermark) watermarks[target.name] = result.watermark.toISOString();
          logger.info('Certificates synced', {
            target: target.name,
            read: result.read,
            added: result.added,
            voided: result.voided,
          });
        } catch (error) {
          failures += 1;
          logger.warn('Certificate sync failed for a target', { target: target.name, ...errorFields(error) });
        }
      }
      if (failures === targets.length)
        throw new Error(`Certificate sync failed for every LRS target (${failures})`);
      return { nextPayload: { watermarks } };
    },
    nextRunAt: (completedAt) => nextDailyRun(completedAt, 2),
  };
}

function readWatermarks(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && !Number.isNaN(Date.parse(entry[1])),
    ),
  );
}
