import type { Person, Role } from '../people';
import { deliverableRole, type DeliverableParties } from '../sessions';
import type { ManagerVisibility } from '../tenants';

/** A caller's roles: stored and app roles, and 'manager' for whoever the directory says manages someone. */
type ViewerRole = Role | 'manager';

/** Who is asking: the signed-in person and their effective roles. */
export type Viewer = { person: Person; roles: readonly ViewerRole[] };

/** What a viewer may see of one person's profile (DESIGN section 7). */
export type ProfileScope = {
  relation: 'self' | 'manager';
  /** Evidence behind each level: every reference (self), or only how many of each kind (manager). */
  evidence: 'refs' | 'counts';
  whatsNext: boolean;
  certificates: boolean;
  /** 'all': titles, dates, ratings and status; 'none': not listed. Inputs and outputs are never in a profile. */
  sessions: 'all' | 'none';
  /** 'all': every deliverable (the owner); 'shared': those shared for review; 'none'. */
  deliverables: 'all' | 'shared' | 'none';
  /** Whether the read is of someone else's data, and so written to the audit log. */
  audited: boolean;
};

export type ProfileAccess =
  | { allowed: true; scope: ProfileScope }
  | { allowed: false; code: 'not_found' | 'forbidden'; reason: string };

const MANAGER_SCOPES: Record<ManagerVisibility, Omit<ProfileScope, 'relation' | 'audited'>> = {
  'levels-only': {
    evidence: 'counts',
    whatsNext: false,
    certificates: false,
    sessions: 'none',
    deliverables: 'none',
  },
  shared: {
    evidence: 'counts',
    whatsNext: false,
    certificates: false,
    sessions: 'none',
    deliverables: 'shared',
  },
  full: {
    evidence: 'counts',
    whatsNext: false,
    certificates: false,
    sessions: 'all',
    deliverables: 'shared',
  },
};

/**
 * May `viewer` see `subject`'s profile, and how much of it: the person themself sees everything; the manager
 * the directory names sees what the tenant's managerVisibility allows; nobody else (authors and L&D admins
 * included: they see usage and aggregates) sees it. Someone of another tenant does not exist for the viewer.
 */
export function profileAccess(options: {
  viewer: Viewer;
  subject: Person | null;
  managerVisibility: ManagerVisibility;
}): ProfileAccess {
  const { viewer, subject } = options;
  if (!subject || subject.tenantId !== viewer.person.tenantId)
    return { allowed: false, code: 'not_found', reason: 'No one in your organisation has that id.' };
  if (subject.id === viewer.person.id)
    return {
      allowed: true,
      scope: {
        relation: 'self',
        evidence: 'refs',
        whatsNext: true,
        certificates: true,
        sessions: 'all',
        deliverables: 'all',
        audited: false,
      },
    };
  if (subject.managerId === viewer.person.id)
    return {
      allowed: true,
      scope: { relation: 'manager', ...MANAGER_SCOPES[options.managerVisibility], audited: true },
    };
  return {
    allowed: false,
    code: 'forbidden',
    reason:
      'Only the person and their manager can see a profile; L&D admins see figures for groups of 5 or more.',
  };
}

/** Whether one of the subject's deliverables is in the viewer's view of their profile (the rule of deliverableRole). */
export function deliverableInScope(
  scope: ProfileScope,
  parties: DeliverableParties,
  viewerId: string,
  managerVisibility: ManagerVisibility,
): boolean {
  if (scope.deliverables === 'none') return false;
  const role = deliverableRole(parties, viewerId, managerVisibility);
  if (scope.deliverables === 'all') return role === 'owner';
  return role === 'manager';
}

/** The people whose profile a viewer sees as their manager: their active direct reports. */
export function directReports(viewer: Viewer, people: readonly Person[]): Person[] {
  return people.filter(
    (person) =>
      person.managerId === viewer.person.id &&
      person.tenantId === viewer.person.tenantId &&
      person.id !== viewer.person.id &&
      person.active,
  );
}

/** Only L&D admins read the audit log. */
export const mayReadAuditLog = (viewer: Viewer): boolean => viewer.roles.includes('admin');
