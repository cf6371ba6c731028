import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const DEV = { PRACTICA_DEV_MODE: 'true' };
const PROD = {
  NODE_ENV: 'production',
  CLIENT_ID: '1b0f7c1e-9d55-4c1a-9e0f-3a7d2c1b4e55',
  CLIENT_SECRET: 'secret-value',
  TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
};

describe('loadConfig', () => {
  it('runs a developer machine on embedded PGlite, port 3978, loopback only, with the demo seed', () => {
    const config = loadConfig(DEV, '/srv/practica');
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      devMode: true,
      seedDemo: true,
      llm: null,
      database: { kind: 'pglite', dataDir: path.join('/srv/practica', '.data', 'pglite') },
    });
  });

  it('reads a PostgreSQL server, an in-memory database and an LLM from the environment', () => {
    expect(loadConfig({ ...DEV, DATABASE_URL: 'memory://' }).database).toEqual({
      kind: 'pglite',
      dataDir: null,
    });
    expect(loadConfig({ ...DEV, DATABASE_URL: 'postgres://u@db:5432/practica' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/practica',
      poolSize: 20,
      preparedStatements: true,
    });
    expect(
      loadConfig({ ...DEV, DATABASE_URL: 'postgres://u@db:5432/practica', DATABASE_POOL_SIZE: '40' })
        .database,
    ).toEqual(expect.objectContaining({ poolSize: 40 }));
    expect(
      loadConfig({
        ...DEV,
        DATABASE_URL: 'postgres://u@db:5432/practica',
        DATABASE_PREPARED_STATEMENTS: 'false',
      }).database,
    ).toEqual(expect.objectContaining({ preparedStatements: false }));
    expect(
      loadConfig({ ...DEV, LLM_BASE_URL: 'http://localhost:11434/v1', LLM_MODEL: 'llama3.1' }).llm,
    ).toEqual({
      baseUrl: 'http://localhost:11434/v1',
      apiKey: undefined,
      model: 'llama3.1',
      timeoutMs: 180_000,
    });
  });

  it('runs production with bot credentials, on all interfaces, its home tenant allowed, no demo data', () => {
    const config = loadConfig(PROD);
    expect(config).toMatchObject({
      devMode: false,
      host: '0.0.0.0',
      seedDemo: false,
      allowedTenantIds: [PROD.TENANT_ID],
    });
  });

  it.each([
    [{ ...DEV, PORT: 'eighty' }, /^Invalid PORT \(got "eighty"\)/],
    [{ ...DEV, PORT: '70000' }, /^Invalid PORT/],
    [{ PRACTICA_DEV_MODE: 'maybe' }, /^Invalid PRACTICA_DEV_MODE/],
    [{ ...DEV, DATABASE_URL: 'mysql://db/practica' }, /^Invalid DATABASE_URL: unsupported scheme "mysql:"/],
    [{ ...DEV, DATABASE_URL: 'not a url' }, /^Invalid DATABASE_URL/],
    [{ ...DEV, DATABASE_POOL_SIZE: '1' }, /^Invalid DATABASE_POOL_SIZE/],
    [{ ...DEV, DATABASE_PREPARED_STATEMENTS: 'sometimes' }, /^Invalid DATABASE_PREPARED_STATEMENTS/],
    [{ ...DEV, CLIENT_ID: 'my-bot' }, /^Invalid CLIENT_ID.*GUID/],
    [{ ...DEV, LLM_BASE_URL: 'localhost:11434' }, /^Invalid LLM_BASE_URL/],
    [{ ...DEV, ALLOWED_TENANT_IDS: 'contoso' }, /^Invalid ALLOWED_TENANT_IDS/],
    [{ ...DEV, BOOTSTRAP_ADMIN_UPN: 'admin' }, /^Invalid BOOTSTRAP_ADMIN_UPN/],
    [{ ...DEV, LOG_LEVEL: 'loud' }, /^Invalid LOG_LEVEL/],
    [{ ...PROD, PRACTICA_DEV_MODE: 'true' }, /development mode cannot be enabled when NODE_ENV=production/],
    [{}, /^Invalid CLIENT_ID: required outside development mode/],
    [
      { PRACTICA_DEV_MODE: 'false', CLIENT_SECRET: 'x' },
      /^Invalid CLIENT_ID: CLIENT_SECRET is set but CLIENT_ID is missing/,
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a secret in its error', () => {
    const attempt = () =>
      loadConfig({ ...PROD, CLIENT_SECRET: '', LLM_API_KEY: 'sk-secret', LLM_BASE_URL: 'nope' });
    expect(attempt).toThrow(/^Invalid LLM_BASE_URL/);
    expect(attempt).not.toThrow(/sk-secret/);
  });
});
