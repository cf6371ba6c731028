import type { Person } from '../people';
import type { ManagerVisibility, Tenant } from '../tenants';
import type { Workflow } from '../workflows';
import type { Session } from './session';

/** How someone stands to a session's deliverable: its owner, or (once shared) a reviewer. */
export type DeliverableRole = 'owner' | 'manager' | 'author';

/** The facts the access rule needs: whose it is, who manages them, who wrote the workflow, whether it was shared. */
export type DeliverableParties = {
  ownerId: string;
  ownerManagerId: string | null;
  workflowAuthorId: string | null;
  sharedForReview: boolean;
};

export function deliverableParties(
  session: Session,
  owner: Person | null,
  workflow: Workflow | null,
): DeliverableParties {
  return {
    ownerId: session.personId,
    ownerManagerId: owner?.managerId ?? null,
    workflowAuthorId: workflow?.authorId ?? null,
    sharedForReview: session.feedback?.sharedForReview === true,
  };
}

/** The tenant's managerVisibility, or the default (shared) for a tenant Practica does not know. */
export function managerVisibilityOf(tenant: Tenant | null): ManagerVisibility {
  return tenant?.settings.managerVisibility ?? 'shared';
}

/**
 * Who may see a deliverable: its owner always; their manager and the workflow's author only once the owner
 * shared it for review, and the manager not at all where the tenant's managerVisibility is levels-only (what
 * a works council agreed outweighs a share). Everyone else (and a reviewer of an unshared deliverable) gets null.
 */
export function deliverableRole(
  parties: DeliverableParties,
  viewerId: string,
  managerVisibility: ManagerVisibility,
): DeliverableRole | null {
  if (parties.ownerId === viewerId) return 'owner';
  if (!parties.sharedForReview) return null;
  if (parties.ownerManagerId === viewerId) return managerVisibility === 'levels-only' ? null : 'manager';
  if (parties.workflowAuthorId === viewerId) return 'author';
  return null;
}
