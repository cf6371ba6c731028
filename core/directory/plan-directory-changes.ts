import type { Person, PersonProfile } from '../people';
import type { DirectorySyncCounts } from './directory-sync-state';
import type { DirectoryChange, DirectoryUser } from './directory-user';

/** What one round of the directory changes here: people to write (managers first) and people who left. */
export type DirectoryPlan = {
  upserts: PersonProfile[];
  /** Entra object ids of people to mark as left without other changes (deleted, or missing from a full read). */
  leavers: string[];
  counts: DirectorySyncCounts;
};

/**
 * Compares one round of directory changes with the people stored for the tenant. The same person may appear
 * more than once in a round (the last word counts); a disabled account or a deleted user is a leaver, a
 * restored or re-enabled one is active again. After a full read, anyone active here whom the directory did
 * not mention has left it. Only people whose stored facts differ are written.
 */
export function planDirectoryChanges(options: {
  tenantId: string;
  changes: readonly DirectoryChange[];
  existing: readonly Person[];
  full: boolean;
  /** When leavers left (the time of the sync). */
  now: Date;
}): DirectoryPlan {
  const byAadId = new Map(options.existing.map((person) => [person.aadObjectId, person]));
  const latest = new Map<string, DirectoryChange>();
  for (const change of options.changes) {
    const id = change.kind === 'user' ? change.user.aadObjectId : change.aadObjectId;
    latest.delete(id);
    latest.set(id, change);
  }

  const counts: DirectorySyncCounts = { created: 0, updated: 0, left: 0, unchanged: 0 };
  const upserts: PersonProfile[] = [];
  const leavers: string[] = [];
  for (const [aadObjectId, change] of latest) {
    const stored = byAadId.get(aadObjectId);
    if (change.kind === 'removed') {
      if (stored?.active) {
        leavers.push(aadObjectId);
        counts.left += 1;
      } else if (stored) counts.unchanged += 1;
      continue;
    }
    const profile = profileFromDirectory({
      tenantId: options.tenantId,
      user: change.user,
      stored,
      full: options.full,
    });
    if (profile.active === false) profile.leftAt = options.now;
    if (!stored) {
      upserts.push(profile);
      counts.created += 1;
    } else if (differs(stored, profile)) {
      upserts.push(profile);
      if (stored.active && profile.active === false) counts.left += 1;
      else counts.updated += 1;
    } else counts.unchanged += 1;
  }
  if (options.full) {
    for (const person of options.existing) {
      if (person.active && !latest.has(person.aadObjectId)) {
        leavers.push(person.aadObjectId);
        counts.left += 1;
      }
    }
  }
  return { upserts: managersFirst(upserts), leavers, counts };
}

/**
 * A directory user as a person's profile: email is the mail address, else the UPN, lower-case; roles and an
 * unstated manager are kept from what is stored (a full read states every manager, so there it means none).
 */
export function profileFromDirectory(options: {
  tenantId: string;
  user: DirectoryUser;
  stored: Person | undefined;
  full: boolean;
}): PersonProfile {
  const { user, stored } = options;
  const email = (user.mail?.trim() || user.userPrincipalName?.trim() || stored?.email || '').toLowerCase();
  const manager =
    user.managerAadObjectId !== undefined
      ? user.managerAadObjectId
      : options.full
        ? null
        : (stored?.managerAadObjectId ?? null);
  return {
    tenantId: options.tenantId,
    aadObjectId: user.aadObjectId,
    displayName: user.displayName?.trim() || stored?.displayName || email || 'Unnamed colleague',
    email,
    userPrincipalName: user.userPrincipalName?.trim().toLowerCase() || null,
    department: blankToNull(user.department),
    jobTitle: blankToNull(user.jobTitle),
    managerAadObjectId: manager === user.aadObjectId ? null : manager,
    employeeId: blankToNull(user.employeeId),
    lmsIdentifier: blankToNull(user.lmsIdentifier),
    lmsIdentifierSource: 'directory',
    roles: stored?.roles ?? ['employee'],
    active: user.accountEnabled === null ? (stored?.active ?? true) : user.accountEnabled,
  };
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function differs(stored: Person, profile: PersonProfile): boolean {
  // An identifier an admin imported stays; the directory's value does not count as a change to it.
  const lmsIdentifierChanged =
    stored.lmsIdentifierSource !== 'import' && (stored.lmsIdentifier ?? null) !== profile.lmsIdentifier;
  return (
    lmsIdentifierChanged ||
    stored.displayName !== profile.displayName ||
    stored.email !== profile.email ||
    (stored.userPrincipalName ?? null) !== (profile.userPrincipalName ?? null) ||
    stored.department !== profile.department ||
    stored.jobTitle !== profile.jobTitle ||
    stored.employeeId !== profile.employeeId ||
    (stored.managerAadObjectId ?? null) !== profile.managerAadObjectId ||
    stored.active !== profile.active
  );
}

/** Orders profiles so that anyone's manager written in the same round comes before them (cycles keep input order). */
export function managersFirst(profiles: readonly PersonProfile[]): PersonProfile[] {
  const byId = new Map(profiles.map((profile) => [profile.aadObjectId, profile]));
  const placed = new Set<string>();
  const ordered: PersonProfile[] = [];
  for (const profile of profiles) {
    const chain: PersonProfile[] = [];
    const seen = new Set<string>();
    let current: PersonProfile | undefined = profile;
    while (current && !placed.has(current.aadObjectId) && !seen.has(current.aadObjectId)) {
      seen.add(current.aadObjectId);
      chain.push(current);
      current = current.managerAadObjectId ? byId.get(current.managerAadObjectId) : undefined;
    }
    for (const member of chain.reverse()) {
      placed.add(member.aadObjectId);
      ordered.push(member);
    }
  }
  return ordered;
}
