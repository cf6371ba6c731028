import type { Store } from '../ports';
import { deliverableRole, managerVisibilityOf } from '../sessions';
import type { RubricCriterion } from '../workflows';
import type { ReviewerRole } from './review';

export type ReviewRequest = {
  sessionId: string;
  ownerId: string;
  ownerName: string;
  workflowId: string;
  workflowTitle: string;
  reviewerRole: ReviewerRole;
  completedAt: Date | null;
  sharedAt: Date | null;
  /** What to score: the rubric of the version the employee ran. */
  rubric: RubricCriterion[];
};

export const REVIEW_REQUESTS_LIMIT = 200;

/**
 * What awaits a reviewer: completed deliverables their reports, or colleagues running their workflows,
 * shared for review and that they have not reviewed yet. Unshared deliverables never appear: every
 * candidate the store finds passes the same access rule as reading the deliverable.
 */
export async function listReviewRequests(options: {
  store: Store;
  tenantId: string;
  reviewerId: string;
  limit?: number;
}): Promise<ReviewRequest[]> {
  const { store, tenantId, reviewerId } = options;
  const limit = Math.min(options.limit ?? REVIEW_REQUESTS_LIMIT, REVIEW_REQUESTS_LIMIT);
  const [candidates, tenant] = await Promise.all([
    store.reviews.listCandidates(tenantId, reviewerId, limit),
    store.tenants.get(tenantId),
  ]);
  const managerVisibility = managerVisibilityOf(tenant);
  const rubrics = new Map<string, RubricCriterion[]>();
  for (const id of new Set(candidates.map((candidate) => candidate.workflowVersionId))) {
    const version = await store.workflows.getVersion(tenantId, id);
    if (version) rubrics.set(id, version.definition.rubric);
  }
  const requests: ReviewRequest[] = [];
  for (const candidate of candidates) {
    const role = deliverableRole(candidate, reviewerId, managerVisibility);
    const rubric = rubrics.get(candidate.workflowVersionId);
    if (role === null || role === 'owner' || !rubric) continue;
    requests.push({
      sessionId: candidate.sessionId,
      ownerId: candidate.ownerId,
      ownerName: candidate.ownerName,
      workflowId: candidate.workflowId,
      workflowTitle: candidate.workflowTitle,
      reviewerRole: role,
      completedAt: candidate.completedAt,
      sharedAt: candidate.sharedAt,
      rubric,
    });
  }
  return requests;
}
