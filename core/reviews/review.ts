import type { DeliverableParties, DeliverableRole } from '../sessions';

/** A manager's or author's rubric scores for a deliverable its owner shared for review. */
export type Review = {
  id: string;
  tenantId: string;
  sessionId: string;
  reviewerId: string;
  /** One whole score from 1 to 5 per rubric criterion of the session's pinned workflow version. */
  scores: Record<string, number>;
  meanScore: number;
  comment: string | null;
  createdAt: Date;
};

export type ReviewerRole = Exclude<DeliverableRole, 'owner'>;

/** A shared, completed deliverable the repository found for a reviewer, before the access rule is applied. */
export type ReviewCandidate = DeliverableParties & {
  sessionId: string;
  ownerName: string;
  workflowId: string;
  workflowVersionId: string;
  workflowTitle: string;
  completedAt: Date | null;
  /** When the owner gave feedback (the moment they shared it, when shared from the feedback card). */
  sharedAt: Date | null;
};

export interface ReviewRepository {
  /**
   * Stores the review unless this reviewer already reviewed this session; false then. Serialises on the
   * session, so call it inside a transaction for two concurrent reviews to be told apart.
   */
  addIfFirst(review: Review): Promise<boolean>;
  get(tenantId: string, reviewId: string): Promise<Review | null>;
  findByReviewer(tenantId: string, sessionId: string, reviewerId: string): Promise<Review | null>;
  listForSession(tenantId: string, sessionId: string): Promise<Review[]>;
  /**
   * Completed sessions shared for review whose owner this person manages or whose workflow they wrote, with
   * content still stored and no review of theirs yet, newest first.
   */
  listCandidates(tenantId: string, reviewerId: string, limit: number): Promise<ReviewCandidate[]>;
}

/** Tells a session's owner that their deliverable was reviewed (payload: reviewId). */
export const REVIEW_NOTICE_JOB = 'review.notice';
/** Tells a report's manager and the workflow's author that a deliverable awaits their review (payload: sessionId). */
export const SHARE_NOTICE_JOB = 'review.share_notice';

export const REVIEW_COMMENT_MAX_CHARS = 2_000;
export const ATTESTATION_NOTE_MAX_CHARS = 2_000;
