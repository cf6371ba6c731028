import type { DomainEvent, DomainEventType } from '../events';
import type { NudgeKind } from './nudge-kind';
import type { NudgePreferences } from './nudge-preferences';

/** Nudge bookkeeping in the database: choices, who is reachable, and each nudge instance sent once. */
export interface NudgeStore {
  preferences(tenantId: string, personId: string): Promise<NudgePreferences>;
  savePreferences(tenantId: string, personId: string, preferences: NudgePreferences, at: Date): Promise<void>;
  /** When this person was sent nudges at or after `since`. */
  sentSince(tenantId: string, personId: string, since: Date): Promise<Date[]>;
  /**
   * Claims one nudge instance for sending, with the person's row locked so concurrent sends to the same
   * person count each other: 'already_sent' when anyone claimed this key before, 'over_limit' when the person
   * already has `limit` nudges since `since`.
   */
  reserve(delivery: {
    tenantId: string;
    key: string;
    personId: string;
    kind: NudgeKind;
    at: Date;
    limit: number;
    since: Date;
  }): Promise<'reserved' | 'already_sent' | 'over_limit'>;
  /** Gives a claimed instance back after a send that failed, so a retry may send it. */
  release(tenantId: string, key: string): Promise<void>;
  /** Teams refused the conversation (403/404): nothing more is sent until the person comes back. */
  markUnreachable(tenantId: string, personId: string, at: Date): Promise<void>;
  /** The person installed the app again or wrote to the bot. */
  markReachable(tenantId: string, personId: string): Promise<void>;
  /** Events of these types that occurred in [from, to), oldest first. */
  eventsBetween(
    tenantId: string,
    types: readonly DomainEventType[],
    from: Date,
    to: Date,
  ): Promise<DomainEvent[]>;
  /**
   * Takes the tenant's next free moment to post a nudge (now, or later when others took the slots before it)
   * and moves it on by `spacingMs`, in one step across every instance. A slot further off than `maxWaitMs` is
   * not taken: `taken` is false and `at` says when to come back.
   */
  takeSendSlot(
    tenantId: string,
    now: Date,
    spacingMs: number,
    maxWaitMs: number,
  ): Promise<{ taken: boolean; at: Date }>;
  /** Teams asked this tenant's bot to wait (a 429's Retry-After): no slot before `until`. */
  holdSends(tenantId: string, until: Date): Promise<void>;
  /** People who asked for this opt-in kind and have not switched all reminders off. */
  peopleWhoChose(tenantId: string, kind: NudgeKind): Promise<string[]>;
  /** Active people, and how many of them the bot can message (a conversation, not refused by Teams). */
  reach(tenantId: string): Promise<{ activePeople: number; reachable: number }>;
}
