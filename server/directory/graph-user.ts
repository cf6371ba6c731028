import { z } from 'zod';
import type { DirectoryChange } from '../../core';

const text = z.string().nullish();

const managerReference = z.looseObject({
  id: z.string().min(1),
  '@removed': z.looseObject({ reason: z.string().optional() }).optional(),
});

/** One entry of a users delta page (only the fields we select; Graph may send more). */
const graphUser = z.looseObject({
  id: z.string().min(1),
  '@removed': z.looseObject({ reason: z.string().optional() }).optional(),
  displayName: text,
  mail: text,
  userPrincipalName: text,
  department: text,
  jobTitle: text,
  employeeId: text,
  accountEnabled: z.boolean().nullish(),
  'manager@delta': z.array(managerReference).nullish(),
  manager: managerReference.nullish(),
});

export const graphUsersPage = z.looseObject({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

/** The property named by the LMS identifier setting: `employeeId`, or a nested one such as `onPremisesExtensionAttributes.extensionAttribute1`. */
function attributeValue(entry: Record<string, unknown>, attribute: string): string | null {
  let value: unknown = entry;
  for (const part of attribute.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * A users delta entry as a directory change. `@removed` (reason "changed": in deleted items, "deleted": gone
 * for good) is a removal. The manager comes from `manager@delta` (the relationship as delta reports it: the
 * entry without `@removed` is the manager; only removed entries means none) or an expanded `manager`; when
 * neither is present the manager is not stated. Null when the entry cannot be read.
 */
export function directoryChangeFromGraph(entry: unknown, lmsAttribute: string): DirectoryChange | null {
  const parsed = graphUser.safeParse(entry);
  if (!parsed.success) return null;
  const user = parsed.data;
  if (user['@removed'])
    return { kind: 'removed', aadObjectId: user.id, restorable: user['@removed'].reason !== 'deleted' };
  let managerAadObjectId: string | null | undefined;
  if (user['manager@delta'] !== undefined) {
    const current = (user['manager@delta'] ?? []).filter((manager) => !manager['@removed']);
    managerAadObjectId = current.at(-1)?.id ?? null;
  } else if (user.manager !== undefined) managerAadObjectId = user.manager?.id ?? null;
  return {
    kind: 'user',
    user: {
      aadObjectId: user.id,
      displayName: user.displayName ?? null,
      mail: user.mail ?? null,
      userPrincipalName: user.userPrincipalName ?? null,
      department: user.department ?? null,
      jobTitle: user.jobTitle ?? null,
      employeeId: user.employeeId ?? null,
      lmsIdentifier: attributeValue(user, lmsAttribute),
      accountEnabled: user.accountEnabled ?? null,
      managerAadObjectId,
    },
  };
}
