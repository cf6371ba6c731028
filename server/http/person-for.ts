import type { Person, Store } from '../../core';
import type { VerifiedUser } from '../auth';

/** The signed-in person, provisioned from the token's claims on first sight. */
export async function personFor(store: Store, user: VerifiedUser): Promise<Person> {
  return (
    (await store.people.findByAadObjectId(user.tenantId, user.aadObjectId)) ??
    (await store.people.upsertProfile(user.tenantId, {
      tenantId: user.tenantId,
      aadObjectId: user.aadObjectId,
      displayName: user.displayName ?? user.upn ?? 'New colleague',
      email: user.upn ?? '',
      department: null,
      jobTitle: null,
      managerAadObjectId: null,
      employeeId: null,
      lmsIdentifier: null,
      roles: ['employee'],
    }))
  );
}
