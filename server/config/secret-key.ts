import { createHash } from 'node:crypto';

/** The key that seals secrets stored in the database (LRS credentials), and where it came from. */
export type SecretKeyConfig = { key: Buffer; source: 'environment' | 'development' };

/** Fixed and public: it only keeps a developer's local database from holding credentials in clear text. */
const DEVELOPMENT_KEY = createHash('sha256').update('practica development-only secret key').digest();

/**
 * PRACTICA_SECRET_KEY: 32 random bytes, as 64 hex digits or base64 (`openssl rand -base64 32`). Without it,
 * development mode uses a fixed development key; otherwise there is none, and nothing secret can be stored.
 */
export function parseSecretKey(
  env: NodeJS.ProcessEnv,
  devMode: boolean,
  fail: (message: string) => Error,
): SecretKeyConfig | null {
  const value = env.PRACTICA_SECRET_KEY?.trim();
  if (!value) return devMode ? { key: DEVELOPMENT_KEY, source: 'development' } : null;
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(value) && key.toString('base64') !== value))
    throw fail(
      'Invalid PRACTICA_SECRET_KEY: must be 32 random bytes as 64 hex digits or base64 (openssl rand -base64 32)',
    );
  return { key, source: 'environment' };
}
