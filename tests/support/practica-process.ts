import { runTypeScript, type RunningChild } from './child-process';

export type PracticaProcess = RunningChild & { url: string };

/**
 * The real service (`server/main.ts`) in its own process on a free port, in development mode without demo
 * history, polling for jobs every 50 ms; resolves once it prints its address.
 */
export async function startPracticaProcess(env: Record<string, string>): Promise<PracticaProcess> {
  const run = runTypeScript('server/main.ts', {
    PRACTICA_DEV_MODE: 'true',
    PORT: '0',
    SEED_DEMO_HISTORY: 'false',
    WORKER_POLL_MS: '50',
    ...env,
  });
  const [, url] = await run.waitForOutput(/Tab:\s+(http:\/\/\S+?)\//);
  return Object.assign(run, { url: url! });
}
