import type { CaptureInterview } from '../capture/interview';
import type { Certificate } from '../certificates';
import type { PracticeCredential } from '../credentials/practice-credential';
import type { DomainEvent } from '../events';
import type { Person } from '../people';
import type { AuditEntry } from '../ports/store';
import type { NudgePreferences } from '../nudges';
import type { LevelChange, StoredLevel } from '../proficiency';
import type { Review } from '../reviews';
import type { Session } from '../sessions';
import type { OutboxStatus, XapiStatementPayload } from '../xapi-outbox';

/**
 * Who stands in for an erased person where other people's records must keep pointing at someone: the author
 * of a workflow colleagues still use, the reviewer of a deliverable, the manager who attested a redesign.
 * Shown as "former colleague"; no row of `people` has this id.
 */
export const FORMER_COLLEAGUE_ID = '00000000-0000-0000-0000-000000000000';
export const FORMER_COLLEAGUE_NAME = 'former colleague';

/** One xAPI statement Practica wrote about the person, for one LRS target. */
export type PersonStatement = {
  target: string;
  statementId: string;
  status: OutboxStatus;
  sentAt: Date | null;
  /** Whether a dispatcher holds the row right now (it may be on its way to the LRS). */
  inFlightUntil: Date | null;
};

/** Everything stored about one person, straight from the tables (the export adds nothing and leaves nothing out). */
export type PersonDataSnapshot = {
  person: Person;
  sessions: Session[];
  /** Reviews of the person's deliverables, by their manager or a workflow's author. */
  reviewsReceived: Review[];
  /** Reviews the person wrote of other people's deliverables. */
  reviewsGiven: Review[];
  levels: StoredLevel[];
  levelChanges: LevelChange[];
  /** Domain events about the person (their sessions, ratings, levels, certificates, attestations received). */
  events: DomainEvent[];
  /** `practice.attested` events the person recorded as someone's manager. */
  attestationsGiven: DomainEvent[];
  certificates: Certificate[];
  authoredWorkflows: { id: string; title: string; status: string }[];
  /** Open Badges credentials of practice issued to them (with the signed VC-JWT). */
  credentials: PracticeCredential[];
  /** Their "capture my workflow" interviews, answers included (the drafts they made are workflow drafts). */
  captureInterviews: CaptureInterview[];
  /** Their nudge choices and whether Teams refused their chat; null when they never had either. */
  nudgePreferences: (NudgePreferences & { updatedAt: Date }) | null;
  /** Each nudge the bot sent them (the message itself is not kept). */
  nudgesSent: { key: string; kind: string; sentAt: Date }[];
  statements: PersonStatement[];
  /** Audit entries whose subject is the person (who read their data, admin changes about them). */
  auditEntries: AuditEntry[];
};

/** Rows removed or rewritten by an erasure, by table, for the audit entry and the answer. */
export type ErasureCounts = Record<string, number>;

export interface PersonDataRepository {
  /** Null when the tenant has no such person. Read as of one moment, whatever is written meanwhile. */
  snapshot(tenantId: string, personId: string): Promise<PersonDataSnapshot | null>;
  /**
   * Inside a transaction, before reading what to erase: waits for transactions that are adding rows about the
   * person (a session starting in another instance) and holds new ones off until the end, so the erasure sees
   * and removes all of it. False when the tenant has no such person.
   */
  lockForErasure(tenantId: string, personId: string): Promise<boolean>;
  /**
   * Deletes every row about the person except the audit log, and points other people's records that name them
   * at FORMER_COLLEAGUE_ID. Call inside a transaction (the erasure is all or nothing). `statements` are their
   * outbox rows as they were when removed: a dispatcher may have sent one since the erasure began.
   */
  erase(
    tenantId: string,
    personId: string,
  ): Promise<{ changed: ErasureCounts; statements: PersonStatement[] }>;
}

/** A statement that withdraws one already sent (xAPI `voided`), to be written to the outbox for its target. */
export type VoidingStatementFactory = (original: {
  tenantId: string;
  target: string;
  statementId: string;
}) => { statementId: string; payload: XapiStatementPayload };
