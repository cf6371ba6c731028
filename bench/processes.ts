import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Every child the bench starts, so that a failure (or Ctrl-C) still leaves none behind. */
const children = new Set<ChildProcess>();

process.once('SIGINT', () => process.exit(130));
process.once('exit', () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function spawnNode(args: string[], env: Record<string, string>, stdout: 'ignore' | 'pipe'): ChildProcess {
  // e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles", to see where the servers under test spend their time.
  const nodeFlags = process.env.BENCH_CHILD_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeFlags, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...env,
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Sends SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
async function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every child still running (used when a benchmark fails half-way). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((child) => terminate(child, 5_000)));
}

async function isReady(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

/** Starts `node <args>`, polls `readyUrl` until it answers 200, returns the milliseconds that took, then stops it. */
export async function timeToReady(
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
  timeoutMs = 60_000,
): Promise<number> {
  const started = performance.now();
  const child = spawnNode(args, env, 'ignore');
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`process exited early (${child.exitCode}): ${stderr.trim()}`);
      if (performance.now() - started > timeoutMs) throw new Error(`not ready after ${timeoutMs} ms`);
      if (await isReady(readyUrl)) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await terminate(child, 30_000);
  }
}

export type RunningServer = {
  url: string;
  /** The child's process id (for /proc/<pid>/status); undefined if it could not be started. */
  pid: number | undefined;
  /** The last few kilobytes the process wrote. */
  output(): string;
  /** Each distinct JSON log line's `level: message`, with how many times it was written. */
  logged(): Map<string, number>;
  exited(): boolean;
  stop(): Promise<void>;
};

const OUTPUT_KEPT = 8_192;

/** Starts a long-running `node <script>` on `port` and waits until `readyPath` answers 200. */
export async function startServer(
  script: string,
  port: number,
  env: Record<string, string>,
  readyPath = '/readyz',
  timeoutMs = 120_000,
): Promise<RunningServer> {
  const child = spawnNode([script], { ...env, PORT: String(port) }, 'pipe');
  let output = '';
  let partial = '';
  const logged = new Map<string, number>();
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-OUTPUT_KEPT);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const key = logKey(line.trim());
      if (key) logged.set(key, (logged.get(key) ?? 0) + 1);
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    pid: child.pid,
    output: () => output,
    logged: () => new Map(logged),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: () => terminate(child, 30_000),
  };
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (server.exited()) throw new Error(`${script} exited before it was ready: ${output.trim()}`);
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(`${script} not ready after ${timeoutMs} ms`);
    }
    if (await isReady(`${url}${readyPath}`)) return server;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function logKey(line: string): string | null {
  if (!line.startsWith('{')) return null;
  try {
    const entry = JSON.parse(line) as { level?: unknown; message?: unknown };
    return `${String(entry.level ?? '?')}: ${String(entry.message ?? '')}`;
  } catch {
    return line.slice(0, 120);
  }
}
