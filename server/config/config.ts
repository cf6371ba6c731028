import path from 'node:path';
import { z } from 'zod';
import { NUDGE_SENDS_PER_SECOND } from '../../core';
import { parseCredentialKeyVaultConfig, type CredentialKeyVaultConfig } from './credential-key-vault-config';
import { parseDirectoryConfig, type DirectoryConfig } from './directory-config';
import { parseLrsConnectorConfig, type LrsConnectorConfig } from './lrs-targets';
import { parseSecretKey, type SecretKeyConfig } from './secret-key';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const uuidLike = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65_535).default(3978),
  HOST: optionalText,
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute URL such as https://practica.contoso.com' })
    .optional(),
  DATABASE_URL: optionalText,
  /** Connections each instance keeps to a PostgreSQL server (turns, the job worker and the LRS dispatcher share them). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(20),
  /** Off behind a connection pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21). */
  DATABASE_PREPARED_STATEMENTS: booleanFlag.default(true),
  PGLITE_DATA_DIR: optionalText,
  PRACTICA_DEV_MODE: booleanFlag.default(false),
  CLIENT_ID: optionalText.pipe(uuidLike.optional()),
  CLIENT_SECRET: optionalText,
  TENANT_ID: optionalText.pipe(uuidLike.optional()),
  ALLOWED_TENANT_IDS: optionalText,
  BOOTSTRAP_ADMIN_UPN: optionalText.pipe(z.email({ message: 'must be an email address (UPN)' }).optional()),
  LLM_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://localhost:11434/v1' })
      .optional(),
  ),
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(900_000).default(180_000),
  REQUEST_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(16),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  JOB_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  NUDGE_SENDS_PER_SECOND: z.coerce.number().int().min(1).max(50).default(NUDGE_SENDS_PER_SECOND),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(25_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SEED_DEMO: booleanFlag.optional(),
  SEED_DEMO_HISTORY: booleanFlag.default(true),
});

export type Database =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; poolSize: number; preparedStatements: boolean };

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicBaseUrl: string;
  database: Database;
  devMode: boolean;
  bot: { clientId?: string; clientSecret?: string; tenantId?: string };
  allowedTenantIds: string[];
  bootstrapAdminUpn?: string;
  llm: { baseUrl?: string; apiKey?: string; model: string; timeoutMs: number } | null;
  requestBodyLimitBytes: number;
  worker: { concurrency: number; pollMs: number; leaseMs: number };
  /** Nudges posted per second per tenant, across all instances (Teams allows 50 requests a second per tenant). */
  nudgeSendsPerSecond: number;
  shutdownTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  seedDemo: boolean;
  /** With the demo seed: also play 90 days of session history (off in most tests, which do not need it). */
  seedDemoHistory: boolean;
  /** LMS connector: the LRS targets (none: nothing is written to the outbox or sent) and dispatch settings. */
  lrs: LrsConnectorConfig;
  /** Directory sync from Microsoft Graph; null (off) unless DIRECTORY_SYNC=graph. */
  directory: DirectoryConfig | null;
  /** Seals credentials stored in the database (PRACTICA_SECRET_KEY; a fixed key in development mode; else none). */
  secretKey: SecretKeyConfig | null;
  /** Azure Key Vault for credential signing keys (CREDENTIAL_KEY_VAULT_URL); null: sealed in the database. */
  credentialKeyVault: CredentialKeyVaultConfig | null;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start-up; the first invalid variable stops start-up with one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const shown = env[variable] === undefined ? '' : ` (got "${env[variable]}")`;
    throw new ConfigError(
      `Invalid ${variable}${variable.includes('SECRET') || variable.includes('KEY') ? '' : shown}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const values = parsed.data;
  if (values.PRACTICA_DEV_MODE && values.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid PRACTICA_DEV_MODE: development mode cannot be enabled when NODE_ENV=production',
    );
  }
  const botCredentials = [values.CLIENT_ID, values.CLIENT_SECRET].filter(
    (value) => value !== undefined,
  ).length;
  if (botCredentials === 1 && !values.CLIENT_ID) {
    throw new ConfigError('Invalid CLIENT_ID: CLIENT_SECRET is set but CLIENT_ID is missing');
  }
  if (!values.PRACTICA_DEV_MODE && !values.CLIENT_ID) {
    throw new ConfigError(
      'Invalid CLIENT_ID: required outside development mode (set CLIENT_ID, CLIENT_SECRET and TENANT_ID, or PRACTICA_DEV_MODE=true on a developer machine)',
    );
  }
  const allowedTenantIds = parseTenantList(values.ALLOWED_TENANT_IDS, values.TENANT_ID);
  const llm =
    values.LLM_BASE_URL || values.LLM_API_KEY
      ? {
          baseUrl: values.LLM_BASE_URL,
          apiKey: values.LLM_API_KEY,
          model: values.LLM_MODEL ?? 'gpt-4o-mini',
          timeoutMs: values.LLM_TIMEOUT_MS,
        }
      : null;

  return {
    env: values.NODE_ENV,
    port: values.PORT,
    // Development mode accepts unauthenticated bot traffic, so it listens on loopback unless told otherwise.
    host: values.HOST ?? (values.PRACTICA_DEV_MODE ? '127.0.0.1' : '0.0.0.0'),
    publicBaseUrl: (values.PUBLIC_BASE_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    database: parseDatabase(values, cwd),
    devMode: values.PRACTICA_DEV_MODE,
    bot: { clientId: values.CLIENT_ID, clientSecret: values.CLIENT_SECRET, tenantId: values.TENANT_ID },
    allowedTenantIds,
    bootstrapAdminUpn: values.BOOTSTRAP_ADMIN_UPN?.toLowerCase(),
    llm,
    requestBodyLimitBytes: values.REQUEST_BODY_LIMIT_BYTES,
    worker: {
      concurrency: values.WORKER_CONCURRENCY,
      pollMs: values.WORKER_POLL_MS,
      leaseMs: values.JOB_LEASE_MS,
    },
    nudgeSendsPerSecond: values.NUDGE_SENDS_PER_SECOND,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    logLevel: values.LOG_LEVEL,
    seedDemo: values.SEED_DEMO ?? values.PRACTICA_DEV_MODE,
    seedDemoHistory: values.SEED_DEMO_HISTORY,
    lrs: parseLrsConnectorConfig(env, (message) => new ConfigError(message)),
    directory: parseDirectoryConfig(env, (message) => new ConfigError(message)),
    secretKey: parseSecretKey(env, values.PRACTICA_DEV_MODE, (message) => new ConfigError(message)),
    credentialKeyVault: parseCredentialKeyVaultConfig(env, (message) => new ConfigError(message)),
  };
}

function parseDatabase(
  values: Pick<
    z.infer<typeof environmentSchema>,
    'DATABASE_URL' | 'PGLITE_DATA_DIR' | 'DATABASE_POOL_SIZE' | 'DATABASE_PREPARED_STATEMENTS'
  >,
  cwd: string,
): Database {
  const url = values.DATABASE_URL;
  const dataDir = values.PGLITE_DATA_DIR;
  if (!url) return { kind: 'pglite', dataDir: path.resolve(cwd, dataDir ?? '.data/pglite') };
  if (url === 'memory://') return { kind: 'pglite', dataDir: null };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      'Invalid DATABASE_URL: must be postgres://user:password@host:port/database or memory://',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(
      `Invalid DATABASE_URL: unsupported scheme "${parsed.protocol}" (use postgres:// or memory://)`,
    );
  }
  return {
    kind: 'postgres',
    url,
    poolSize: values.DATABASE_POOL_SIZE,
    preparedStatements: values.DATABASE_PREPARED_STATEMENTS,
  };
}

function parseTenantList(list: string | undefined, homeTenant: string | undefined): string[] {
  const ids = (list ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter((id) => id.length > 0);
  for (const id of ids) {
    if (!uuidLike.safeParse(id).success)
      throw new ConfigError(`Invalid ALLOWED_TENANT_IDS: "${id}" is not a GUID`);
  }
  if (homeTenant && !ids.includes(homeTenant.toLowerCase())) ids.push(homeTenant.toLowerCase());
  return ids;
}

/** Where to read a description of the configuration without secrets, for the start-up line. */
export function describeDatabase(database: Database): string {
  if (database.kind === 'pglite')
    return database.dataDir ? `PGlite at ${database.dataDir}` : 'PGlite in memory';
  const url = new URL(database.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
