import { z } from 'zod';

/** Where people, managers, departments and leavers come from, and how often they are read again. */
export type DirectoryConfig = {
  /** The Entra tenant whose directory is read (its people are stored under this tenant id). */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityUrl: string;
  graphBaseUrl: string;
  intervalMinutes: number;
  /** The Graph user property holding the id the LMS knows people by (default employeeId). */
  lmsIdentifierAttribute: string;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A user property (`employeeId`, `onPremisesSamAccountName`, `extension_<appId>_<name>`) or one level into an object. */
const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_]{0,119}(\.[A-Za-z][A-Za-z0-9_]{0,119})?$/;

export const directorySchema = z.object({
  DIRECTORY_SYNC: z.enum(['off', 'graph'], { message: 'must be off or graph' }).default('off'),
  GRAPH_TENANT_ID: z.string().trim().optional(),
  GRAPH_CLIENT_ID: z.string().trim().optional(),
  GRAPH_CLIENT_SECRET: z.string().trim().optional(),
  GRAPH_AUTHORITY_URL: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com'),
  GRAPH_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://graph.microsoft.com'),
  DIRECTORY_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  DIRECTORY_LMS_IDENTIFIER_ATTRIBUTE: z
    .string()
    .trim()
    .regex(ATTRIBUTE, 'must be a Graph user property such as employeeId or onPremisesSamAccountName')
    .default('employeeId'),
});

/**
 * Directory sync is off unless DIRECTORY_SYNC=graph, so nothing calls Graph without an admin asking for it.
 * Then the GRAPH_* values are used, each falling back to the bot's app registration (TENANT_ID, CLIENT_ID,
 * CLIENT_SECRET), whose manifest already requests User.Read.All.
 */
export function parseDirectoryConfig(
  env: NodeJS.ProcessEnv,
  fail: (message: string) => Error,
): DirectoryConfig | null {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value?.trim() === '' ? undefined : value]),
  );
  const parsed = directorySchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(`Invalid ${String(issue?.path[0] ?? 'directory setting')}: ${issue?.message ?? 'invalid'}`);
  }
  const values = parsed.data;
  if (values.DIRECTORY_SYNC === 'off') return null;
  const pick = (name: string, own: string | undefined, fallbackName: string) => {
    const value = own || env[fallbackName]?.trim();
    if (!value)
      throw fail(
        `Invalid ${name}: required when DIRECTORY_SYNC=graph (or set ${fallbackName} to reuse the bot's registration)`,
      );
    return value;
  };
  const tenantId = pick('GRAPH_TENANT_ID', values.GRAPH_TENANT_ID, 'TENANT_ID');
  const clientId = pick('GRAPH_CLIENT_ID', values.GRAPH_CLIENT_ID, 'CLIENT_ID');
  const clientSecret = pick('GRAPH_CLIENT_SECRET', values.GRAPH_CLIENT_SECRET, 'CLIENT_SECRET');
  if (!GUID.test(tenantId)) throw fail('Invalid GRAPH_TENANT_ID: must be a GUID');
  if (!GUID.test(clientId)) throw fail('Invalid GRAPH_CLIENT_ID: must be a GUID');
  return {
    tenantId: tenantId.toLowerCase(),
    clientId,
    clientSecret,
    authorityUrl: values.GRAPH_AUTHORITY_URL.replace(/\/+$/, ''),
    graphBaseUrl: values.GRAPH_BASE_URL.replace(/\/+$/, ''),
    intervalMinutes: values.DIRECTORY_SYNC_INTERVAL_MINUTES,
    lmsIdentifierAttribute: values.DIRECTORY_LMS_IDENTIFIER_ATTRIBUTE,
  };
}
