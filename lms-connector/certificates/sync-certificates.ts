import {
  recordCertificates,
  type CertificateSkillAreaPattern,
  type Clock,
  type Ids,
  type Person,
  type Store,
} from '../../core';
import type { LrsClient } from '../client';
import type { LrsTarget } from '../targets';
import { CERTIFICATE_VERBS, VOIDED_VERB } from './certificate-verbs';
import { certificatesFromStatements } from './certificates-from-statements';
import { PeopleByActor } from './people-by-actor';
import { nextWatermark, readStatementsSince, type VerbReading } from './read-statements-since';

export type CertificateSyncResult = {
  target: string;
  read: number;
  added: number;
  voided: number;
  watermark: Date | null;
};

/**
 * One sync of one target: one query per certificate verb (and one for voided statements) since the watermark,
 * statements matched to people here by the target's actor mapping, certificates stored with their events, and
 * the next watermark returned for the caller to keep.
 */
export async function syncCertificates(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  target: Pick<LrsTarget, 'name' | 'actor'>;
  client: Pick<LrsClient, 'queryStatements'>;
  since: Date | null;
  /** The deployment's base URL: statements about activities under it are Practica's own, not certificates. */
  baseUrl: string;
  patterns: readonly CertificateSkillAreaPattern[];
  people?: readonly Person[];
  verbs?: readonly string[];
  pageSize?: number;
}): Promise<CertificateSyncResult> {
  const { store, tenantId, target } = options;
  const readings: VerbReading[] = [];
  for (const verb of [...(options.verbs ?? CERTIFICATE_VERBS), VOIDED_VERB]) {
    readings.push(
      await readStatementsSince(options.client, {
        verb,
        since: options.since,
        pageSize: options.pageSize ?? 500,
      }),
    );
  }
  const people = new PeopleByActor(options.people ?? (await store.people.list(tenantId)), target.actor);
  const { records, voidedStatementIds } = certificatesFromStatements(
    readings.flatMap((reading) => reading.statements),
    {
      people,
      patterns: options.patterns,
      ownActivityPrefix: `${options.baseUrl.replace(/\/+$/, '')}/xapi/activities/`,
      target: target.name,
    },
  );
  const { added, voided } = await recordCertificates({
    store,
    clock: options.clock,
    ids: options.ids,
    tenantId,
    records,
    voidedStatementIds,
  });
  return {
    target: target.name,
    read: readings.reduce((sum, reading) => sum + reading.statements.length, 0),
    added: added.length,
    voided: voided.length,
    watermark: nextWatermark(options.since, readings),
  };
}
