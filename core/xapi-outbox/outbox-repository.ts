import type { NewOutboxEntry, OutboxEntry, XapiStatementPayload } from './outbox-entry';

/** Connector health for one tenant and target, as the admin view shows it. */
export type OutboxTargetStats = {
  target: string;
  /** Rows waiting to be sent (pending, leased or not). */
  backlog: number;
  held: number;
  dead: number;
  sentLast24h: number;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  pausedAt: Date | null;
  pauseReason: string | null;
};

export interface XapiOutboxRepository {
  /** Writes rows; a (tenant, target, statement id) already present is left as it is. Works inside `store.transaction`. */
  enqueue(entries: NewOutboxEntry[]): Promise<void>;
  /** Rows of one tenant, newest first (for tests and the admin view). */
  list(
    tenantId: string,
    options?: { target?: string; status?: OutboxEntry['status']; limit?: number },
  ): Promise<OutboxEntry[]>;

  /** A person's held rows (oldest first), to address once the identifier their target uses is known. */
  listHeldForPerson(tenantId: string, personId: string, limit?: number): Promise<OutboxEntry[]>;
  /** Sets payload (now with actor) and status pending, due at `now`, for rows still held; returns how many changed. */
  release(
    tenantId: string,
    rows: { id: string; payload: XapiStatementPayload }[],
    now: Date,
  ): Promise<number>;

  /**
   * System-wide (the dispatcher serves every tenant): leases up to `limit` due pending rows of one
   * tenant for `target`, skipping tenants where the target is paused, in one short transaction
   * (FOR UPDATE SKIP LOCKED). Counts an attempt on each row. With `tenantId`, only that tenant's rows (a
   * target an admin configured belongs to one tenant; one from the environment serves them all).
   */
  claimDue(options: {
    target: string;
    tenantId?: string;
    workerId: string;
    now: Date;
    leaseMs: number;
    limit: number;
  }): Promise<OutboxEntry[]>;
  /**
   * System-wide: rows of `target` waiting out a backoff become due now (the LRS is back after an outage, so
   * their wait no longer serves anything). Returns how many.
   */
  retryNow(options: { target: string; tenantId?: string; now: Date }): Promise<number>;
  /** Each finishing call is fenced on `workerId`: a dispatcher whose lease was taken over changes nothing. */
  markSent(options: { ids: string[]; workerId: string; now: Date }): Promise<number>;
  retryLater(options: {
    ids: string[];
    workerId: string;
    error: string;
    nextAttemptAt: Date;
  }): Promise<number>;
  markDead(options: { ids: string[]; workerId: string; error: string; now: Date }): Promise<number>;

  /** Records the outcome of a delivery for the admin view (last success / last error). */
  recordOutcome(options: { tenantId: string; target: string; at: Date; error: string | null }): Promise<void>;
  /**
   * Pauses the target, unless an admin saved its settings after `unlessSavedAfter` (the moment the refusing
   * sender took them up): a refusal of credentials that were already replaced must not pause the new ones.
   */
  pause(options: {
    tenantId: string;
    target: string;
    reason: string;
    at: Date;
    unlessSavedAfter?: Date;
  }): Promise<void>;
  /** Lifts a pause; true when the target was paused. */
  resume(options: { tenantId: string; target: string }): Promise<boolean>;

  stats(tenantId: string, targets: string[], now: Date): Promise<OutboxTargetStats[]>;
  /** Dead letters back to pending, due now, attempts reset; all of the target's, or those listed. Returns how many. */
  requeueDead(options: { tenantId: string; target: string; ids?: string[]; now: Date }): Promise<number>;
  /** Forgets rows the LRS acknowledged before `before` (the LRS keeps the statements); returns how many. */
  deleteSentBefore(tenantId: string, before: Date): Promise<number>;
}
