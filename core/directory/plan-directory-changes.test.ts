import type { Person } from '../people';
import type { DirectoryUser } from './directory-user';
import { managersFirst, planDirectoryChanges } from './plan-directory-changes';

const TENANT = '5d0c8f2e-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

function user(aadObjectId: string, overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    aadObjectId,
    displayName: `Person ${aadObjectId}`,
    mail: `${aadObjectId}@northwind.example`,
    userPrincipalName: `${aadObjectId}@northwind.example`,
    department: 'Finance',
    jobTitle: 'Analyst',
    employeeId: `E-${aadObjectId}`,
    lmsIdentifier: `E-${aadObjectId}`,
    accountEnabled: true,
    managerAadObjectId: null,
    ...overrides,
  };
}

function stored(aadObjectId: string, overrides: Partial<Person> = {}): Person {
  return {
    id: `id-${aadObjectId}`,
    tenantId: TENANT,
    aadObjectId,
    displayName: `Person ${aadObjectId}`,
    email: `${aadObjectId}@northwind.example`,
    userPrincipalName: `${aadObjectId}@northwind.example`,
    department: 'Finance',
    jobTitle: 'Analyst',
    managerId: null,
    managerAadObjectId: null,
    employeeId: `E-${aadObjectId}`,
    lmsIdentifier: `E-${aadObjectId}`,
    lmsIdentifierSource: 'directory',
    roles: ['employee'],
    conversationReference: null,
    active: true,
    ...overrides,
  };
}

const plan = (options: {
  changes: Parameters<typeof planDirectoryChanges>[0]['changes'];
  existing?: Person[];
  full?: boolean;
}) =>
  planDirectoryChanges({
    tenantId: TENANT,
    existing: [],
    full: false,
    now: new Date('2026-11-30T09:00:00Z'),
    ...options,
  });

describe('planning a directory round', () => {
  it('writes only people whose facts changed, and counts created, updated and unchanged', () => {
    const result = plan({
      changes: [
        { kind: 'user', user: user('a') },
        { kind: 'user', user: user('b', { jobTitle: 'Senior Analyst' }) },
        { kind: 'user', user: user('c') },
      ],
      existing: [stored('a'), stored('b')],
    });
    expect(result.upserts.map((profile) => profile.aadObjectId)).toEqual(['b', 'c']);
    expect(result.counts).toEqual({ created: 1, updated: 1, left: 0, unchanged: 1 });
  });

  it('marks deleted users and disabled accounts as left, but only people who were active here', () => {
    const result = plan({
      changes: [
        { kind: 'removed', aadObjectId: 'a', restorable: true },
        { kind: 'removed', aadObjectId: 'gone-already', restorable: false },
        { kind: 'removed', aadObjectId: 'never-seen', restorable: false },
        { kind: 'user', user: user('b', { accountEnabled: false }) },
      ],
      existing: [stored('a'), stored('b'), stored('gone-already', { active: false })],
    });
    expect(result.leavers).toEqual(['a']);
    expect(result.upserts).toEqual([
      expect.objectContaining({ aadObjectId: 'b', active: false, leftAt: new Date('2026-11-30T09:00:00Z') }),
    ]);
    expect(result.counts).toEqual({ created: 0, updated: 0, left: 2, unchanged: 1 });
  });

  it('brings back a restored or re-enabled person as active', () => {
    const result = plan({
      changes: [{ kind: 'user', user: user('a') }],
      existing: [stored('a', { active: false })],
    });
    expect(result.upserts).toEqual([expect.objectContaining({ aadObjectId: 'a', active: true })]);
    expect(result.counts.updated).toBe(1);
  });

  it('takes the last word when the same person appears more than once in a round', () => {
    const result = plan({
      changes: [
        { kind: 'user', user: user('a', { department: 'Sales' }) },
        { kind: 'removed', aadObjectId: 'a', restorable: true },
        { kind: 'user', user: user('a', { department: 'Legal' }) },
      ],
    });
    expect(result.upserts).toEqual([expect.objectContaining({ aadObjectId: 'a', department: 'Legal' })]);
    expect(result.leavers).toEqual([]);
  });

  it('after a full read, marks active people the directory did not list as left', () => {
    const result = plan({
      changes: [{ kind: 'user', user: user('a') }],
      existing: [stored('a'), stored('b'), stored('c', { active: false })],
      full: true,
    });
    expect(result.leavers).toEqual(['b']);
    expect(result.counts).toEqual({ created: 0, updated: 0, left: 1, unchanged: 1 });
  });

  it('keeps a manager a delta round does not restate, and reads an unstated one in a full read as none', () => {
    const existing = [stored('a', { managerAadObjectId: 'm', managerId: 'id-m' }), stored('m')];
    const unstated = {
      kind: 'user' as const,
      user: user('a', { managerAadObjectId: undefined, jobTitle: 'Lead' }),
    };
    expect(plan({ changes: [unstated], existing }).upserts[0]?.managerAadObjectId).toBe('m');
    expect(plan({ changes: [unstated], existing, full: true }).upserts[0]?.managerAadObjectId).toBeNull();
  });

  it('maps mail, else the UPN, to a lower-case email, and blank fields to null', () => {
    const [profile] = plan({
      changes: [
        {
          kind: 'user',
          user: user('a', {
            mail: null,
            userPrincipalName: 'Ana.Ortiz@Northwind.example',
            department: '  ',
            lmsIdentifier: '',
          }),
        },
      ],
    }).upserts;
    expect(profile).toMatchObject({
      email: 'ana.ortiz@northwind.example',
      userPrincipalName: 'ana.ortiz@northwind.example',
      department: null,
      lmsIdentifier: null,
      roles: ['employee'],
    });
  });

  it('does not count the directory attribute as a change to an identifier an admin imported', () => {
    const existing = [stored('a', { lmsIdentifier: 'from-csv', lmsIdentifierSource: 'import' })];
    expect(plan({ changes: [{ kind: 'user', user: user('a') }], existing }).counts.unchanged).toBe(1);
  });

  it('keeps the roles Practica stored for a person', () => {
    const existing = [stored('a', { roles: ['employee', 'admin'], jobTitle: 'Old title' })];
    expect(plan({ changes: [{ kind: 'user', user: user('a') }], existing }).upserts[0]?.roles).toEqual([
      'employee',
      'admin',
    ]);
  });
});

describe('ordering managers before their reports', () => {
  const profile = (aadObjectId: string, managerAadObjectId: string | null) =>
    plan({ changes: [{ kind: 'user', user: user(aadObjectId, { managerAadObjectId }) }] }).upserts[0]!;

  it('writes a manager listed later in the round before the people who report to them', () => {
    const ordered = managersFirst([
      profile('report', 'lead'),
      profile('lead', 'head'),
      profile('head', null),
    ]);
    expect(ordered.map((item) => item.aadObjectId)).toEqual(['head', 'lead', 'report']);
  });

  it('keeps everyone once when managers form a loop', () => {
    const ordered = managersFirst([profile('a', 'b'), profile('b', 'a'), profile('c', null)]);
    expect(ordered.map((item) => item.aadObjectId).sort()).toEqual(['a', 'b', 'c']);
  });
});
