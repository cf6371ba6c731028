import type { DomainEvent } from '../events';
import type { Store } from '../ports';

/** The job that issues a person's due credentials (payload `{ personId }`). */
export const ISSUE_CREDENTIALS_JOB = 'credentials.issue';

const reachesPractice = (event: DomainEvent) =>
  event.type === 'level.changed' &&
  event.personId !== null &&
  typeof event.data.fromLevel === 'number' &&
  typeof event.data.toLevel === 'number' &&
  event.data.fromLevel < 2 &&
  event.data.toLevel >= 2;

/**
 * Queues the issuing of a credential, in the transaction that records a person reaching L2 (so the request is
 * never lost and never made for a level that was rolled back). Signing happens in the job, outside it.
 */
export function withCredentialRequests(store: Store): Store {
  return {
    ...store,
    events: {
      ...store.events,
      async append(event) {
        await store.events.append(event);
        if (!reachesPractice(event)) return;
        await store.jobs.enqueue({
          tenantId: event.tenantId,
          kind: ISSUE_CREDENTIALS_JOB,
          payload: { personId: event.personId },
          runAt: event.occurredAt,
          uniqueKey: `${ISSUE_CREDENTIALS_JOB}:${event.personId}`,
        });
      },
    },
    transaction: (work) => store.transaction((tx) => work(withCredentialRequests(tx))),
  };
}
