import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../server/config';
import { CONFIG_VARIABLES, isConfigVariable } from '../../server/config/known-variables';
import { parseEnvFile } from '../../server/tools/app-package/env-file';
import { placeholdersIn } from '../../server/tools/app-package/placeholders';
import { PROJECT_ROOT } from '../support/child-process';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
const TEAMSAPP = read('teamsapp.yml');
const TEAMSAPP_LOCAL = read('teamsapp.local.yml');
const BICEP = read('infra/azure.bicep');
const PARAMETERS = read('infra/azure.parameters.json');
const MANIFESTS = read('appPackage/manifest.json') + read('aad.manifest.json');
const ENV_DEV = parseEnvFile(read('env/.env.dev'));
const ENV_LOCAL = parseEnvFile(read('env/.env.local'));

/** The lines indented under the first line matching `header` (a YAML block, read without a YAML library). */
function blockUnder(text: string, header: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  if (start < 0) return [];
  const indent = (line: string) => line.length - line.trimStart().length;
  const base = indent(lines[start] ?? '');
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (indent(line) <= base) break;
    block.push(line);
  }
  return block;
}

function actions(text: string, stage: 'provision' | 'deploy'): string[] {
  return blockUnder(text, new RegExp(`^${stage}:`))
    .map((line) => /^ {2}- uses: (\S+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** Variables the toolkit writes: `writeToEnvironmentFile` values and the bicep outputs arm/deploy writes. */
function writtenByProvision(text: string): string[] {
  const written = text
    .split('\n')
    .flatMap((_, index, lines) =>
      lines[index]?.trim() === 'writeToEnvironmentFile:'
        ? blockUnder(lines.slice(index).join('\n'), /writeToEnvironmentFile:/)
        : [],
    )
    .map((line) => /:\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
  const outputs = text.includes('uses: arm/deploy')
    ? [...BICEP.matchAll(/^output ([A-Z][A-Z0-9_]*) /gm)].map((match) => match[1] ?? '')
    : [];
  return [...written, ...outputs];
}

/** The service settings the App Service gets: names and (literal or expression) values in `serviceSettings`. */
function bicepServiceSettings(): Map<string, string> {
  const block = BICEP.slice(BICEP.indexOf('var serviceSettings = ['), BICEP.indexOf('var platformSettings'));
  const settings = new Map<string, string>();
  for (const match of block.matchAll(/name: '([A-Za-z_][A-Za-z0-9_]*)'[,\n]\s*value: ([^}\n]+)/g))
    settings.set(match[1] ?? '', (match[2] ?? '').trim());
  return settings;
}

function bicepPlatformSettings(): string[] {
  const block = BICEP.slice(BICEP.indexOf('var platformSettings = ['), BICEP.indexOf('resource webApp'));
  return [...block.matchAll(/name: '([A-Za-z_][A-Za-z0-9_]*)'/g)].map((match) => match[1] ?? '');
}

/** Realistic values for what the deployment computes (ids, Key Vault references resolved, the host). */
const DEPLOYED_VALUES: Record<string, string> = {
  PUBLIC_BASE_URL: 'https://practicadev-app.azurewebsites.net',
  DATABASE_URL:
    'postgres://practica:p%40ss@practicadev-pg.postgres.database.azure.com:5432/practica?sslmode=require',
  CLIENT_ID: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  CLIENT_SECRET: 'client-secret-from-key-vault',
  TENANT_ID: '3f6c1f3a-8d0e-4f59-9a41-0c2b7d9e5a10',
  PRACTICA_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('deployment configuration agrees with the service configuration (server/config)', () => {
  it('teamsapp.yml provisions and deploys with the actions the issue names, in order', () => {
    expect(TEAMSAPP).toMatch(/^version: v1\.11$/m);
    expect(actions(TEAMSAPP, 'provision')).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(actions(TEAMSAPP, 'deploy')).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(TEAMSAPP).toContain('args: run build');
    expect(TEAMSAPP).toContain('manifestPath: ./aad.manifest.json');
    expect(TEAMSAPP).toContain('path: ./infra/azure.bicep');
  });

  it('registers the bot with botFramework/create only in teamsapp.local.yml (Azure gets an Azure Bot resource)', () => {
    expect(TEAMSAPP_LOCAL).toMatch(/^version: v1\.11$/m);
    expect(actions(TEAMSAPP_LOCAL, 'provision')).toContain('botFramework/create');
    expect(TEAMSAPP).not.toContain('botFramework/create');
    expect(BICEP).toContain("resource bot 'Microsoft.BotService/botServices@");
    expect(BICEP).toContain("msaAppType: 'SingleTenant'");
    expect(BICEP).toContain("name: 'MsTeamsChannel'");
  });

  it.each([
    ['teamsapp.yml (dev)', TEAMSAPP, ENV_DEV, PARAMETERS],
    ['teamsapp.local.yml (local)', TEAMSAPP_LOCAL, ENV_LOCAL, ''],
  ])(
    '%s: every ${{VAR}} it, the parameters and the manifests use has a source',
    (_, project, env, parameters) => {
      const available = new Set([...Object.keys(env), ...writtenByProvision(project)]);
      const used = placeholdersIn(project + parameters + MANIFESTS);
      const secret = (name: string) => name.startsWith('SECRET_');
      expect(used.filter((name) => !available.has(name) && !secret(name))).toEqual([]);
    },
  );

  it('every App Service setting the bicep gives the service is one server/config reads', () => {
    const names = [...bicepServiceSettings().keys()];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !isConfigVariable(name))).toEqual([]);
    // Settings App Service itself reads stay apart, so the check above cannot be dodged by a typo.
    for (const name of bicepPlatformSettings())
      expect(name).toMatch(/^(WEBSITE_|SCM_|APPLICATIONINSIGHTS_|ApplicationInsightsAgent_)/);
  });

  it('each service setting in env/.env.dev reaches the App Service through a bicep parameter', () => {
    const settings = bicepServiceSettings();
    const parameters = JSON.parse(PARAMETERS) as { parameters: Record<string, { value: string }> };
    const serviceVariables = Object.keys(ENV_DEV).filter(isConfigVariable);
    expect(serviceVariables.length).toBeGreaterThan(10);
    for (const variable of serviceVariables) {
      const parameter = Object.entries(parameters.parameters).find(
        ([, { value }]) => value === `\${{${variable}}}`,
      )?.[0];
      expect({ variable, parameter: parameter !== undefined }).toEqual({ variable, parameter: true });
      expect(BICEP).toMatch(new RegExp(`^param ${parameter} string`, 'm'));
      expect({ variable, setting: settings.get(variable) }).toEqual({ variable, setting: parameter });
    }
  });

  it("each variable of the env templates is either the toolkit's or one the service reads", () => {
    const toolkit = new Set([
      ...writtenByProvision(TEAMSAPP),
      ...writtenByProvision(TEAMSAPP_LOCAL),
      ...placeholdersIn(TEAMSAPP + TEAMSAPP_LOCAL + PARAMETERS + MANIFESTS),
      'TEAMSFX_ENV',
    ]);
    for (const variable of [...Object.keys(ENV_DEV), ...Object.keys(ENV_LOCAL)])
      expect({ variable, known: toolkit.has(variable) || isConfigVariable(variable) }).toEqual({
        variable,
        known: true,
      });
  });

  it('every variable the service reads is set by the deployment, offered in env/.env.dev, or left to its default on purpose', () => {
    const setByDeployment = new Set([...bicepServiceSettings().keys(), ...Object.keys(ENV_DEV)]);
    // Not per environment: per-target LRS settings come from the admin API; Graph reuses the bot's
    // registration; PGlite, demo history, HOST and PORT do not apply to App Service (it sets PORT itself).
    // Credential keys in Azure Key Vault are opt-in: infra creates no vault (keys are sealed in PostgreSQL).
    const notDeployed = [
      'CREDENTIAL_KEY_VAULT_URL',
      'CREDENTIAL_KEY_VAULT_TENANT_ID',
      'CREDENTIAL_KEY_VAULT_CLIENT_ID',
      'CREDENTIAL_KEY_VAULT_CLIENT_SECRET',
      'CREDENTIAL_KEY_VAULT_AUTHORITY_URL',
      'PORT',
      'HOST',
      'PGLITE_DATA_DIR',
      'SEED_DEMO_HISTORY',
      // Its default (20 per instance) suits the server infra creates; an operator may set it in App Service.
      'DATABASE_POOL_SIZE',
      // infra connects straight to the server (port 5432, no PgBouncer), where prepared statements are kept.
      'DATABASE_PREPARED_STATEMENTS',
      'GRAPH_TENANT_ID',
      'GRAPH_CLIENT_ID',
      'GRAPH_CLIENT_SECRET',
      'LRS_TARGETS',
    ];
    expect(
      CONFIG_VARIABLES.filter((name) => !setByDeployment.has(name) && !notDeployed.includes(name)),
    ).toEqual([]);
  });

  it('the App Service settings make a valid production configuration: production mode, PostgreSQL, bot credentials, a secret key', () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of bicepServiceSettings()) {
      const literal = /^'([^']*)'$/.exec(value)?.[1];
      const resolved = literal ?? DEPLOYED_VALUES[name];
      if (resolved) env[name] = resolved; // a parameter left empty is filtered out, as the bicep does
    }
    const config = loadConfig(env, '/home/site/wwwroot');
    expect(config).toMatchObject({
      env: 'production',
      devMode: false,
      seedDemo: false,
      host: '0.0.0.0',
      publicBaseUrl: DEPLOYED_VALUES['PUBLIC_BASE_URL'],
      database: { kind: 'postgres' },
      bot: {
        clientId: DEPLOYED_VALUES['CLIENT_ID'],
        clientSecret: DEPLOYED_VALUES['CLIENT_SECRET'],
        tenantId: DEPLOYED_VALUES['TENANT_ID'],
      },
      secretKey: { source: 'environment' },
    });
    // Without the bot's client id the service refuses to start outside development mode.
    const { CLIENT_ID: _, CLIENT_SECRET: __, ...withoutBot } = env;
    expect(() => loadConfig(withoutBot, '/home/site/wwwroot')).toThrow(
      /Invalid CLIENT_ID: required outside development mode/,
    );
  });

  it('.localConfigs (teamsapp.local.yml) holds only service variables and starts the service outside development mode', () => {
    const envs = blockUnder(TEAMSAPP_LOCAL, /^ {6}envs:/).map((line) =>
      /^\s+([A-Z][A-Z0-9_]*):\s*(.*)$/.exec(line),
    );
    const names = envs.map((match) => match?.[1] ?? '');
    expect(names.filter((name) => !isConfigVariable(name))).toEqual([]);
    const sample: Record<string, string> = {
      BOT_ENDPOINT: 'https://abc123-3978.euw.devtunnels.ms',
      BOT_ID: DEPLOYED_VALUES['CLIENT_ID'] ?? '',
      SECRET_BOT_PASSWORD: 'secret',
      AAD_APP_TENANT_ID: DEPLOYED_VALUES['TENANT_ID'] ?? '',
    };
    const env: NodeJS.ProcessEnv = {};
    for (const match of envs) {
      const raw = (match?.[2] ?? '').replace(/^'(.*)'$/, '$1');
      env[match?.[1] ?? ''] = raw.replace(
        /\$\{\{([A-Z0-9_]+)\}\}/g,
        (__, name: string) => sample[name] ?? '',
      );
    }
    const config = loadConfig(env, '/tmp');
    expect(config).toMatchObject({
      devMode: false,
      publicBaseUrl: sample['BOT_ENDPOINT'],
      bot: { clientId: sample['BOT_ID'] },
    });
  });
});
