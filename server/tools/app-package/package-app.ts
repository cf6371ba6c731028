import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvFile } from './env-file';
import { fillPlaceholders } from './placeholders';
import { manifestProblems } from './validate-manifest';
import { zipFiles } from './zip-file';

export type PackageOptions = {
  /** The project root (holds appPackage/ and env/). */
  root: string;
  /** The environment name: values come from `env/.env.{env}` and, if present, `env/.env.{env}.user`. */
  env: string;
  envDir?: string;
  outDir?: string;
};

export class AppPackageError extends Error {
  constructor(
    readonly code: 'unknown_environment' | 'unfilled_placeholders' | 'invalid_manifest' | 'missing_icon',
    message: string,
  ) {
    super(message);
    this.name = 'AppPackageError';
  }
}

const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Fills the manifest's placeholders for one environment, checks it, and zips it with its two icons. */
export function packageApp(options: PackageOptions): { zipPath: string; entries: string[] } {
  if (!ENVIRONMENT_NAME.test(options.env))
    throw new AppPackageError(
      'unknown_environment',
      `"${options.env}" is not an environment name (e.g. dev)`,
    );
  const envDir = options.envDir ?? join(options.root, 'env');
  const envPath = join(envDir, `.env.${options.env}`);
  if (!existsSync(envPath))
    throw new AppPackageError('unknown_environment', `No environment file ${envPath} (copy one in env/)`);
  const userPath = `${envPath}.user`;
  const values = {
    ...parseEnvFile(readFileSync(envPath, 'utf8')),
    ...(existsSync(userPath) ? parseEnvFile(readFileSync(userPath, 'utf8')) : {}),
    TEAMSFX_ENV: options.env,
  };

  const packageDir = join(options.root, 'appPackage');
  const { text, unfilled } = fillPlaceholders(
    readFileSync(join(packageDir, 'manifest.json'), 'utf8'),
    values,
  );
  if (unfilled.length > 0)
    throw new AppPackageError(
      'unfilled_placeholders',
      `${envPath} gives no value for ${unfilled.map((name) => `\${{${name}}}`).join(', ')}`,
    );
  const manifest = JSON.parse(text) as { icons: { color: string; outline: string } };
  const problems = manifestProblems(manifest);
  if (problems.length > 0)
    throw new AppPackageError(
      'invalid_manifest',
      `The manifest filled from ${envPath} is not valid:\n  ${problems.join('\n  ')}`,
    );

  const icons = [manifest.icons.color, manifest.icons.outline];
  const entries = [{ name: 'manifest.json', data: Buffer.from(text, 'utf8') }];
  for (const icon of icons) {
    const iconPath = join(packageDir, icon);
    if (!existsSync(iconPath))
      throw new AppPackageError('missing_icon', `The manifest names ${icon}, which is not in appPackage/`);
    entries.push({ name: icon, data: readFileSync(iconPath) });
  }
  const outDir = options.outDir ?? join(packageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  writeFileSync(zipPath, zipFiles(entries));
  return { zipPath, entries: entries.map((entry) => entry.name) };
}
