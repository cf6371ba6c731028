import type { Person, Store } from '../core';

type ActivityIdentity = {
  from: { aadObjectId?: string };
  conversation: { tenantId?: string };
  channelData?: { tenant?: { id: string } };
};

export type Identification =
  | { kind: 'unknown-tenant'; tenantId: string | null }
  | { kind: 'unknown-person'; tenantId: string; aadObjectId: string | null }
  | { kind: 'known'; tenantId: string; person: Person };

/** A person is their Entra object id within their tenant; the tenant comes from channelData (or the conversation). */
export async function identify(store: Store, activity: ActivityIdentity): Promise<Identification> {
  const tenantId =
    (activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? '').toLowerCase() || null;
  if (!tenantId || !(await store.tenants.get(tenantId))) return { kind: 'unknown-tenant', tenantId };
  const aadObjectId = activity.from.aadObjectId ?? null;
  const person = aadObjectId ? await store.people.findByAadObjectId(tenantId, aadObjectId) : null;
  return person ? { kind: 'known', tenantId, person } : { kind: 'unknown-person', tenantId, aadObjectId };
}
