import { z } from 'zod';
import type { LrsTarget } from '../../lms-connector/targets';

export type LrsConnectorConfig = {
  targets: LrsTarget[];
  /** Per LRS request, token requests included. */
  timeoutMs: number;
  leaseMs: number;
  pollMs: number;
  batchesInFlight: number;
};

type ConfigErrorFactory = (message: string) => Error;

const targetName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'names are lower-case letters, digits and _ (e.g. lms,analytics)');

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

const numberSetting = (min: number, max: number, fallback: number) =>
  z.coerce.number({ message: 'must be a number' }).int().min(min).max(max).default(fallback);

export const lrsSettingsSchema = z.object({
  LRS_TIMEOUT_MS: numberSetting(500, 300_000, 30_000),
  LRS_DISPATCH_LEASE_MS: numberSetting(1_000, 3_600_000, 120_000),
  LRS_DISPATCH_POLL_MS: numberSetting(10, 60_000, 1_000),
  LRS_BATCHES_IN_FLIGHT: numberSetting(1, 8, 2),
});

/**
 * LRS targets from the environment: `LRS_TARGETS=lms,analytics`, then for each name N (upper-cased)
 * `LRS_N_ENDPOINT`, `LRS_N_AUTH` (basic | oauth2) with `LRS_N_USERNAME`/`LRS_N_PASSWORD` or
 * `LRS_N_TOKEN_URL`/`LRS_N_CLIENT_ID`/`LRS_N_CLIENT_SECRET`/`LRS_N_SCOPE`, and `LRS_N_ACTOR`
 * (account | mbox) with `LRS_N_ACTOR_HOME_PAGE` for account, and `LRS_N_SEND_FAILED` (default false).
 * No LRS_TARGETS: no connector.
 */
export function parseLrsConnectorConfig(
  env: NodeJS.ProcessEnv,
  fail: ConfigErrorFactory,
): LrsConnectorConfig {
  const settings = lrsSettingsSchema.safeParse(env);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw fail(`Invalid ${String(issue?.path[0])}: ${issue?.message ?? 'invalid'}`);
  }
  const names = (env.LRS_TARGETS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  for (const name of names) {
    const check = targetName.safeParse(name);
    if (!check.success) throw fail(`Invalid LRS_TARGETS: "${name}": ${check.error.issues[0]?.message}`);
  }
  if (new Set(names).size !== names.length) throw fail('Invalid LRS_TARGETS: a name is listed twice');
  return {
    targets: names.map((name) => parseTarget(name, env, fail)),
    timeoutMs: settings.data.LRS_TIMEOUT_MS,
    leaseMs: settings.data.LRS_DISPATCH_LEASE_MS,
    pollMs: settings.data.LRS_DISPATCH_POLL_MS,
    batchesInFlight: settings.data.LRS_BATCHES_IN_FLIGHT,
  };
}

function parseTarget(name: string, env: NodeJS.ProcessEnv, fail: ConfigErrorFactory): LrsTarget {
  const prefix = `LRS_${name.toUpperCase()}_`;
  const read = (key: string): string | undefined => {
    const value = env[prefix + key]?.trim();
    return value ? value : undefined;
  };
  const required = (key: string, why: string): string => {
    const value = read(key);
    if (!value) throw fail(`Invalid ${prefix}${key}: required ${why}`);
    return value;
  };
  const url = (key: string, why: string): string => {
    const value = required(key, why);
    if (!httpUrl.safeParse(value).success) {
      throw fail(`Invalid ${prefix}${key} (got "${value}"): must be an http(s) URL`);
    }
    return value;
  };

  const endpoint = url('ENDPOINT', `for LRS target ${name} (its xAPI base URL)`);
  const authKind = read('AUTH') ?? 'basic';
  let auth: LrsTarget['auth'];
  if (authKind === 'basic') {
    auth = {
      kind: 'basic',
      username: required('USERNAME', 'for Basic authentication'),
      password: required('PASSWORD', 'for Basic authentication'),
    };
  } else if (authKind === 'oauth2') {
    auth = {
      kind: 'oauth2',
      tokenUrl: url('TOKEN_URL', 'for OAuth 2.0 client credentials'),
      clientId: required('CLIENT_ID', 'for OAuth 2.0 client credentials'),
      clientSecret: required('CLIENT_SECRET', 'for OAuth 2.0 client credentials'),
      ...(read('SCOPE') ? { scope: read('SCOPE') } : {}),
    };
  } else {
    throw fail(`Invalid ${prefix}AUTH (got "${authKind}"): must be basic or oauth2`);
  }
  const actorKind = read('ACTOR') ?? 'account';
  let actor: LrsTarget['actor'];
  if (actorKind === 'account') {
    actor = { kind: 'account', homePage: url('ACTOR_HOME_PAGE', 'for account actors (the LMS home page)') };
  } else if (actorKind === 'mbox') {
    actor = { kind: 'mbox' };
  } else {
    throw fail(`Invalid ${prefix}ACTOR (got "${actorKind}"): must be account or mbox`);
  }
  const sendFailed = read('SEND_FAILED') ?? 'false';
  if (sendFailed !== 'true' && sendFailed !== 'false') {
    throw fail(`Invalid ${prefix}SEND_FAILED (got "${sendFailed}"): must be true or false`);
  }
  return {
    name,
    endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
    auth,
    actor,
    ...(sendFailed === 'true' ? { sendFailed: true } : {}),
  };
}
