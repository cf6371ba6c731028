import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPackageError, packageApp } from '../../server/tools/app-package/package-app';
import { runTypeScript, PROJECT_ROOT } from '../support/child-process';
import { readZip } from './read-zip';

const FILLED = {
  TEAMS_APP_ID: '6f1c0f0e-3b52-4c1a-9a0e-2d8f1f0b7c11',
  BOT_ID: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  BOT_DOMAIN: 'practica-test.azurewebsites.net',
};

let work: string;
let envDir: string;
let outDir: string;

/** env/.env.{name} as committed (the template), with the values provision would have written appended. */
function writeEnvironment(name: string, extra: Record<string, string>): void {
  const template = readFileSync(join(PROJECT_ROOT, 'env', '.env.dev'), 'utf8');
  const lines = Object.entries(extra).map(([key, value]) => `${key}=${value}`);
  writeFileSync(join(envDir, `.env.${name}`), `${template}\n${lines.join('\n')}\n`);
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'practica-package-'));
  envDir = join(work, 'env');
  outDir = join(work, 'out');
  mkdirSync(envDir);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('npm run package', () => {
  it('writes appPackage.{env}.zip with exactly the filled manifest and the two icons', () => {
    writeEnvironment('test', FILLED);
    const result = packageApp({ root: PROJECT_ROOT, env: 'test', envDir, outDir });
    expect(result.zipPath).toBe(join(outDir, 'appPackage.test.zip'));

    const entries = readZip(readFileSync(result.zipPath));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '') as {
      id: string;
      name: { short: string };
      bots: { botId: string }[];
      webApplicationInfo: { resource: string };
    };
    expect(manifest.id).toBe(FILLED.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('Practica (dev)');
    expect(manifest.bots[0]?.botId).toBe(FILLED.BOT_ID);
    expect(manifest.webApplicationInfo.resource).toBe(`api://${FILLED.BOT_DOMAIN}/${FILLED.BOT_ID}`);
    expect(entries.get('manifest.json')?.toString('utf8')).not.toContain('${{');
    expect(entries.get('color.png')).toEqual(readFileSync(join(PROJECT_ROOT, 'appPackage', 'color.png')));
    expect(entries.get('outline.png')).toEqual(readFileSync(join(PROJECT_ROOT, 'appPackage', 'outline.png')));
  });

  it('takes secrets and overrides from env/.env.{env}.user', () => {
    writeEnvironment('test', FILLED);
    writeFileSync(
      join(envDir, '.env.test.user'),
      'PRIVACY_URL=https://intranet.contoso.com/practica-privacy\n',
    );
    const { zipPath } = packageApp({ root: PROJECT_ROOT, env: 'test', envDir, outDir });
    const manifest = JSON.parse(
      readZip(readFileSync(zipPath)).get('manifest.json')?.toString('utf8') ?? '',
    ) as {
      developer: { privacyUrl: string };
    };
    expect(manifest.developer.privacyUrl).toBe('https://intranet.contoso.com/practica-privacy');
  });

  it('refuses, naming every placeholder without a value, and writes nothing', () => {
    writeEnvironment('test', { BOT_DOMAIN: FILLED.BOT_DOMAIN });
    expect(() => packageApp({ root: PROJECT_ROOT, env: 'test', envDir, outDir })).toThrow(
      expect.objectContaining({
        code: 'unfilled_placeholders',
        message: expect.stringMatching(/no value for \$\{\{TEAMS_APP_ID\}\}, \$\{\{BOT_ID\}\}$/),
      }),
    );
    expect(() => readFileSync(join(outDir, 'appPackage.test.zip'))).toThrow();
  });

  it('refuses a manifest the schema rejects once filled (an app id that is not a GUID)', () => {
    writeEnvironment('test', { ...FILLED, TEAMS_APP_ID: 'not-a-guid' });
    expect(() => packageApp({ root: PROJECT_ROOT, env: 'test', envDir, outDir })).toThrow(
      expect.objectContaining({
        code: 'invalid_manifest',
        message: expect.stringContaining('/id must match pattern'),
      }),
    );
  });

  it('refuses an environment without a file', () => {
    expect(() => packageApp({ root: PROJECT_ROOT, env: 'staging', envDir, outDir })).toThrow(AppPackageError);
    expect(() => packageApp({ root: PROJECT_ROOT, env: '../etc', envDir, outDir })).toThrow(
      expect.objectContaining({ code: 'unknown_environment' }),
    );
  });

  it('as a command: exits 1 with one line naming the missing values', async () => {
    writeEnvironment('test', {});
    const run = runTypeScript('server/tools/package-app-cli.ts', {}, [
      '--env',
      'test',
      '--env-dir',
      envDir,
      '--out',
      outDir,
    ]);
    expect((await run.exited).code).toBe(1);
    expect(run.stderr().trim()).toBe(
      `package: ${join(envDir, '.env.test')} gives no value for \${{TEAMS_APP_ID}}, \${{BOT_DOMAIN}}, \${{BOT_ID}}`,
    );
  });
});
