/**
 * One xAPI statement waiting for (or done with) one LRS target. The statement id is fixed when the row is
 * written, in the same transaction as the event that causes it, so every re-send is idempotent.
 *
 * - `pending`: due at `nextAttemptAt`
 * - `held`: the person has no identifier for this target yet; never sent half-formed
 * - `sent`: the LRS stored it (or confirmed it already had it)
 * - `dead`: the LRS refused it on its own (400); kept with the LRS's message until re-queued
 */
export type OutboxStatus = 'pending' | 'held' | 'sent' | 'dead';

export type XapiStatementPayload = Record<string, unknown>;

export type NewOutboxEntry = {
  id: string;
  tenantId: string;
  statementId: string;
  /** The LRS target's name (`LrsTarget.name`). */
  target: string;
  eventId: string | null;
  personId: string | null;
  /** The complete xAPI statement, its `id` equal to `statementId`. */
  payload: XapiStatementPayload;
  status: 'pending' | 'held';
  nextAttemptAt: Date;
};

export type OutboxEntry = Omit<NewOutboxEntry, 'status'> & {
  status: OutboxStatus;
  attempts: number;
  leaseUntil: Date | null;
  lockedBy: string | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};
