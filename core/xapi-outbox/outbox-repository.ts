import type { NewOutboxEntry, OutboxEntry } from './outbox-entry';

export interface XapiOutboxRepository {
  /** Writes rows; a (tenant, target, statement id) already present is left as it is. Works inside `store.transaction`. */
  enqueue(entries: NewOutboxEntry[]): Promise<void>;
  /** Rows of one tenant, newest first (for tests and the admin view). */
  list(
    tenantId: string,
    options?: { target?: string; status?: OutboxEntry['status']; limit?: number },
  ): Promise<OutboxEntry[]>;
}
