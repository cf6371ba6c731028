import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './child-process';

const run = promisify(execFile);

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const tab = path.join(PROJECT_ROOT, 'tab');
  const inputs = [
    ...filesUnder(path.join(tab, 'src')),
    path.join(tab, 'index.html'),
    path.join(tab, 'vite.config.ts'),
    path.join(PROJECT_ROOT, 'package-lock.json'),
  ];
  for (const file of inputs) hash.update(path.relative(PROJECT_ROOT, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The tab as `npm run build:tab` builds it, made once per version of its sources (jest workers and later runs
 * reuse it), so browser tests run the real bundle without a build step before `npm test`.
 */
export async function builtTab(): Promise<string> {
  const folder = path.join(os.tmpdir(), `practica-tab-${sourceHash()}`);
  if (existsSync(path.join(folder, 'index.html'))) return folder;
  const scratch = `${folder}.${process.pid}.${Date.now()}`;
  await run(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'tab/vite.config.ts', '--outDir', scratch, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: PROJECT_ROOT, timeout: 180_000 },
  );
  try {
    renameSync(scratch, folder);
  } catch (error) {
    // Another worker finished the same build first: theirs is as good as ours.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(path.join(folder, 'index.html'))) throw error;
  }
  return folder;
}
