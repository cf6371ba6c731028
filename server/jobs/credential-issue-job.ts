import {
  issueDueCredentials,
  ISSUE_CREDENTIALS_JOB,
  PermanentJobError,
  type CredentialSigner,
  type Ids,
  type Store,
} from '../../core';
import type { JobDefinition } from './job-definition';

export type CredentialIssuing = { signer: CredentialSigner; baseUrl: string };

/**
 * Issues the credentials a person reaching L2 is due (queued with the level change). Without a key store
 * (no PRACTICA_SECRET_KEY outside development mode) nothing is issued; the daily lapse check issues them
 * once one is configured.
 */
export function credentialIssueJob(store: Store, ids: Ids, issuing: CredentialIssuing | null): JobDefinition {
  return {
    kind: ISSUE_CREDENTIALS_JOB,
    async run(job, { now, logger }) {
      const personId = job.payload.personId;
      if (typeof personId !== 'string') throw new PermanentJobError('The job names no person');
      if (!issuing) {
        logger.warn('Credentials of practice are not issued: no signing key store (set PRACTICA_SECRET_KEY)');
        return;
      }
      const issued = await issueDueCredentials({
        store,
        ids,
        ...issuing,
        tenantId: job.tenantId,
        personId,
        now,
      });
      logger.info('Credentials issued', { personId, issued: issued.length });
    },
  };
}
