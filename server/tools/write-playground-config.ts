import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PLAYGROUND_CONFIG_FILE_NAME, renderPlaygroundConfig } from '../demo/playground-config';

/**
 * Writes `.m365agentsplayground.yml` at the project root from the demo tenant fixture
 * (`npm run playground:config`), or to the path given as the first argument.
 */
function projectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'practica'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`No Practica package.json above ${start}`);
  }
}

const target = process.argv[2]
  ? resolve(process.argv[2])
  : join(projectRoot(__dirname), PLAYGROUND_CONFIG_FILE_NAME);
writeFileSync(target, renderPlaygroundConfig(), 'utf8');
console.log(`Wrote ${target}`);
