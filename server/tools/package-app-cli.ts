import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppPackageError, packageApp } from './app-package/package-app';

/**
 * `npm run package -- --env dev`: writes appPackage/build/appPackage.dev.zip from env/.env.dev.
 * `--env-dir` and `--out` read and write elsewhere.
 */
function main(): void {
  const { values } = parseArgs({
    options: { env: { type: 'string' }, 'env-dir': { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.env) {
    process.stderr.write('package: name the environment: npm run package -- --env dev\n');
    process.exit(2);
  }
  try {
    const root = resolve(__dirname, '..', '..', ...(__dirname.split(/[\\/]/).includes('dist') ? ['..'] : []));
    const result = packageApp({
      root,
      env: values.env,
      envDir: values['env-dir'] ? resolve(values['env-dir']) : undefined,
      outDir: values.out ? resolve(values.out) : undefined,
    });
    process.stdout.write(`Wrote ${result.zipPath} (${result.entries.join(', ')})\n`);
  } catch (error) {
    if (error instanceof AppPackageError) {
      process.stderr.write(`package: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main();
