import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, timeToReady } from './processes';
import { formatMs, median } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'server', 'main.js');
const BASELINE = path.join(ROOT, 'dist', 'bench', 'baseline-server.js');

export type StartupResult = { name: string; runs: number[]; baselineRuns: number[]; targetMs: number };

async function measure(script: string, dataDir: string): Promise<number> {
  const port = await freePort();
  return timeToReady(
    [script],
    {
      PRACTICA_DEV_MODE: 'true',
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: '1',
    },
    `http://127.0.0.1:${port}/readyz`,
  );
}

/** Start-up to /readyz on a new PGlite directory (migrations + demo seed) and on an existing one. */
export async function benchStartup(options: {
  newRuns: number;
  existingRuns: number;
}): Promise<StartupResult[]> {
  const fresh: StartupResult = {
    name: 'start-up, new PGlite directory (migrate + seed)',
    runs: [],
    baselineRuns: [],
    targetMs: 20_000,
  };
  const existing: StartupResult = {
    name: 'start-up, existing PGlite directory',
    runs: [],
    baselineRuns: [],
    targetMs: 3_000,
  };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'practica-bench-'));
  try {
    for (let run = 0; run < options.newRuns; run++) {
      fresh.baselineRuns.push(await measure(BASELINE, path.join(scratch, `baseline-${run}`)));
      fresh.runs.push(await measure(MAIN, path.join(scratch, `new-${run}`)));
    }
    const practicaDir = path.join(scratch, 'new-0');
    const baselineDir = path.join(scratch, 'baseline-0');
    for (let run = 0; run < options.existingRuns; run++) {
      existing.baselineRuns.push(await measure(BASELINE, baselineDir));
      existing.runs.push(await measure(MAIN, practicaDir));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return [fresh, existing];
}

export function printStartup(results: StartupResult[]): void {
  for (const result of results) {
    const practica = median(result.runs);
    const baseline = median(result.baselineRuns);
    const verdict = practica <= result.targetMs ? 'meets' : 'MISSES';
    console.log(
      `${result.name}: median ${formatMs(practica)} over ${result.runs.length} runs ` +
        `(bare PGlite + HTTP baseline ${formatMs(baseline)}, ratio ${(practica / baseline).toFixed(2)}x); ` +
        `target <= ${formatMs(result.targetMs)}: ${verdict}`,
    );
  }
}
