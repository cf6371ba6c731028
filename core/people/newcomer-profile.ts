import type { PersonProfile } from './person';

/**
 * What is known of someone seen for the first time in a known tenant (from a Teams activity or a sign-in
 * token); the directory fills in the rest later.
 */
export function newcomerProfile(options: {
  tenantId: string;
  aadObjectId: string;
  displayName: string | null | undefined;
  email?: string | null;
}): PersonProfile {
  return {
    tenantId: options.tenantId,
    aadObjectId: options.aadObjectId,
    displayName: options.displayName?.trim() || 'New colleague',
    email: options.email ?? '',
    department: null,
    jobTitle: null,
    managerAadObjectId: null,
    employeeId: null,
    lmsIdentifier: null,
    roles: ['employee'],
  };
}
