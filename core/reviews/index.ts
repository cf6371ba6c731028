export {
  ATTESTATION_NOTE_MAX_CHARS,
  REVIEW_COMMENT_MAX_CHARS,
  REVIEW_NOTICE_JOB,
  SHARE_NOTICE_JOB,
  type Review,
  type ReviewCandidate,
  type ReviewerRole,
  type ReviewRepository,
} from './review';
export { validateReview, type ReviewInput, type ValidReview } from './review-scores';
export { reviewDeliverable, type ReviewResult } from './review-deliverable';
export { shareForReview, type ShareResult } from './share-for-review';
export { listReviewRequests, REVIEW_REQUESTS_LIMIT, type ReviewRequest } from './list-review-requests';
export { attestRedesign, type Attestation } from './attest-redesign';
