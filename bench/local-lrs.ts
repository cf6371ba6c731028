import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The same LRS the tests run: Learning Locker's xapi-statements, in memory, on 127.0.0.1 (from dist/bench or bench/). */
const LRS_PROCESS = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..')]
  .map((root) => path.join(root, 'tests', 'support', 'lrs-process.cjs'))
  .find((candidate) => existsSync(candidate))!;

export type BenchLrs = {
  endpoint: string;
  port: number;
  username: string;
  password: string;
  stop(): Promise<void>;
};

/** Starts the LRS in its own process; `port` reuses a port (an LRS coming back after an outage). */
export async function startBenchLrs(port?: number): Promise<BenchLrs> {
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'practica-bench-lrs-'));
  const username = 'practica';
  const password = 'bench-password';
  const child: ChildProcess = spawn(process.execPath, [LRS_PROCESS], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_NO_WARNINGS: '1',
      LRS_USERNAME: username,
      LRS_PASSWORD: password,
      LRS_STORAGE_DIR: storageDir,
      ...(port ? { LRS_PORT: String(port) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /LRS ready endpoint=(\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the LRS exited: ${output}`));
      }
    }, 20);
  });
  return {
    endpoint,
    port: Number(new URL(endpoint).port),
    username,
    password,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
