import type { Person, Role } from '../people';
import type { DeliverableParties } from '../sessions';
import type { ManagerVisibility } from '../tenants';
import { mayShowGroupFigure } from './group-size';
import {
  deliverableInScope,
  directReports,
  mayReadAuditLog,
  profileAccess,
  type Viewer,
} from './profile-access';

const TENANT = 'tenant-a';
const person = (id: string, overrides: Partial<Person> = {}): Person => ({
  id,
  tenantId: TENANT,
  aadObjectId: `aad-${id}`,
  displayName: id,
  email: `${id}@example.test`,
  department: null,
  jobTitle: null,
  managerId: null,
  employeeId: null,
  lmsIdentifier: null,
  roles: ['employee'],
  conversationReference: null,
  active: true,
  ...overrides,
});
const viewer = (p: Person, roles: Role[] = ['employee']): Viewer => ({ person: p, roles });

const manager = person('manager');
const employee = person('employee', { managerId: 'manager' });
const otherManager = person('other-manager');
const author = person('author', { roles: ['employee', 'author'] });
const admin = person('admin', { roles: ['employee', 'admin'] });
const foreigner = person('foreigner', { tenantId: 'tenant-b', managerId: 'manager' });

const visibilities: ManagerVisibility[] = ['levels-only', 'shared', 'full'];

describe('profileAccess', () => {
  it.each(visibilities)('the employee sees all of their own profile, unaudited (%s)', (managerVisibility) => {
    expect(profileAccess({ viewer: viewer(employee), subject: employee, managerVisibility })).toEqual({
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
    });
  });

  it.each([
    ['levels-only', { sessions: 'none', deliverables: 'none' }],
    ['shared', { sessions: 'none', deliverables: 'shared' }],
    ['full', { sessions: 'all', deliverables: 'shared' }],
  ] as const)(
    'a manager of a direct report under %s sees levels, evidence counts and %o',
    (visibility, more) => {
      expect(
        profileAccess({ viewer: viewer(manager), subject: employee, managerVisibility: visibility }),
      ).toEqual({
        allowed: true,
        scope: {
          relation: 'manager',
          evidence: 'counts',
          whatsNext: false,
          certificates: false,
          audited: true,
          ...more,
        },
      });
    },
  );

  it.each([
    ['a manager asking for a non-report', viewer(otherManager), employee, 'forbidden'],
    ['an author', viewer(author, ['employee', 'author']), employee, 'forbidden'],
    ['an L&D admin', viewer(admin, ['employee', 'admin']), employee, 'forbidden'],
    ['a report asking for their manager', viewer(employee), manager, 'forbidden'],
    ['anyone asking for another tenant’s person', viewer(manager), foreigner, 'not_found'],
    ['anyone asking for an unknown id', viewer(admin, ['employee', 'admin']), null, 'not_found'],
  ] as const)('refuses %s', (_case, who, subject, code) => {
    for (const managerVisibility of visibilities)
      expect(profileAccess({ viewer: who, subject, managerVisibility })).toMatchObject({
        allowed: false,
        code,
      });
  });
});

describe('deliverableInScope', () => {
  const parties = (sharedForReview: boolean): DeliverableParties => ({
    ownerId: 'employee',
    ownerManagerId: 'manager',
    workflowAuthorId: 'author',
    sharedForReview,
  });
  const scopeOf = (who: Viewer, managerVisibility: ManagerVisibility) => {
    const access = profileAccess({ viewer: who, subject: employee, managerVisibility });
    if (!access.allowed) throw new Error('expected access');
    return access.scope;
  };

  it.each([
    ['the owner, unshared', viewer(employee), 'shared', false, true],
    ['the manager, shared, under shared', viewer(manager), 'shared', true, true],
    ['the manager, unshared, under shared', viewer(manager), 'shared', false, false],
    ['the manager, shared, under full', viewer(manager), 'full', true, true],
    ['the manager, unshared, under full', viewer(manager), 'full', false, false],
    ['the manager, shared, under levels-only', viewer(manager), 'levels-only', true, false],
  ] as const)('%s → %s', (_case, who, visibility, shared, visible) => {
    expect(deliverableInScope(scopeOf(who, visibility), parties(shared), who.person.id, visibility)).toBe(
      visible,
    );
  });
});

describe('teams, audit log and group figures', () => {
  it('a team is the active direct reports of the same tenant', () => {
    const left = person('left', { managerId: 'manager', active: false });
    expect(directReports(viewer(manager), [manager, employee, left, foreigner, author])).toEqual([employee]);
  });

  it.each([
    [['employee'], false],
    [['employee', 'author'], false],
    [['employee', 'admin'], true],
  ] as const)('roles %o may read the audit log: %s', (roles, allowed) => {
    expect(mayReadAuditLog(viewer(admin, [...roles]))).toBe(allowed);
  });

  it.each([
    [0, false],
    [4, false],
    [5, true],
    [12, true],
  ])('a figure for %i people may be shown: %s', (size, shown) => {
    expect(mayShowGroupFigure(size)).toBe(shown);
  });
});
