import { newcomerProfile, type Person, type Store } from '../../core';
import type { VerifiedUser } from '../auth';

/** The signed-in person, provisioned from the token's claims on first sight. */
export async function personFor(store: Store, user: VerifiedUser): Promise<Person> {
  return (
    (await store.people.findByAadObjectId(user.tenantId, user.aadObjectId)) ??
    (await store.people.upsertProfile(
      user.tenantId,
      newcomerProfile({
        tenantId: user.tenantId,
        aadObjectId: user.aadObjectId,
        displayName: user.displayName ?? user.upn,
        email: user.upn,
      }),
    ))
  );
}
