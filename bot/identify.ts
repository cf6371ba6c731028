import { newcomerProfile, type Person, type Store } from '../core';

type ActivityIdentity = {
  from: { aadObjectId?: string; name?: string };
  conversation: { tenantId?: string };
  channelData?: { tenant?: { id: string } };
};

export type Identification =
  | { kind: 'unknown-tenant'; tenantId: string | null }
  | { kind: 'unknown-person'; tenantId: string }
  | { kind: 'known'; tenantId: string; person: Person };

/**
 * A person is their Entra object id within their tenant (from channelData, or the conversation). Someone new
 * in a known tenant is provisioned with what the activity carries; the directory fills in the rest later.
 */
export async function identify(store: Store, activity: ActivityIdentity): Promise<Identification> {
  const tenantId =
    (activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? '').toLowerCase() || null;
  if (!tenantId || !(await store.tenants.get(tenantId))) return { kind: 'unknown-tenant', tenantId };
  const aadObjectId = activity.from.aadObjectId;
  if (!aadObjectId) return { kind: 'unknown-person', tenantId };
  const person =
    (await store.people.findByAadObjectId(tenantId, aadObjectId)) ??
    (await store.people.upsertProfile(
      tenantId,
      newcomerProfile({ tenantId, aadObjectId, displayName: activity.from.name }),
    ));
  return { kind: 'known', tenantId, person };
}
