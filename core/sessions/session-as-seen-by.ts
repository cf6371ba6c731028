import { AppError } from '../errors';
import type { Person } from '../people';
import type { Store } from '../ports';
import type { Workflow, WorkflowVersion } from '../workflows';
import {
  deliverableParties,
  deliverableRole,
  managerVisibilityOf,
  type DeliverableRole,
} from './deliverable-access';
import type { Session } from './session';

export type SessionAsSeen = {
  session: Session;
  owner: Person | null;
  workflow: Workflow | null;
  version: WorkflowVersion | null;
  role: DeliverableRole;
};

/**
 * A session with what the access rule needs, as `viewerId` stands to it (owner, or a reviewer of a shared
 * deliverable under the tenant's managerVisibility). Anyone else, and an unknown id, gets `notFoundMessage`.
 */
export async function sessionAsSeenBy(options: {
  store: Store;
  tenantId: string;
  sessionId: string;
  viewerId: string;
  notFoundMessage: string;
}): Promise<SessionAsSeen> {
  const { store, tenantId } = options;
  const notFound = new AppError('not_found', options.notFoundMessage);
  const session = await store.sessions.get(tenantId, options.sessionId);
  if (!session) throw notFound;
  const [owner, workflow, version, tenant] = await Promise.all([
    store.people.get(tenantId, session.personId),
    store.workflows.get(tenantId, session.workflowId),
    store.workflows.getVersion(tenantId, session.workflowVersionId),
    store.tenants.get(tenantId),
  ]);
  const role = deliverableRole(
    deliverableParties(session, owner, workflow),
    options.viewerId,
    managerVisibilityOf(tenant),
  );
  if (role === null) throw notFound;
  return { session, owner, workflow, version, role };
}
