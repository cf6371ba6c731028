import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './child-process';

export type LocalLrs = {
  /** xAPI base URL, ending in `/xAPI/` (statements at `${endpoint}statements`). */
  endpoint: string;
  basic: { username: string; password: string };
  oauth: { tokenUrl: string; clientId: string; clientSecret: string };
  /** The Authorization header value for Basic authentication. */
  authorization: string;
  /** How many OAuth tokens the LRS has issued so far. */
  tokensIssued(): Promise<number>;
  /** Every statement the LRS holds (voided ones excluded, as the LRS returns them), following `more`. */
  statements(query?: Record<string, string>): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
};

/** The account home page the tests' LRS targets name people under. */
export const LMS_HOME_PAGE = 'https://lms.northwind.example';

/**
 * Practica's settings for one LRS target, `lms`, with Basic authentication to `lrs` and people as accounts
 * on LMS_HOME_PAGE; `endpoint` is where Practica sends (a fault proxy in front of `lrs`, or `lrs` itself).
 */
export function lrsTargetEnv(lrs: LocalLrs, endpoint = lrs.endpoint): Record<string, string> {
  return {
    LRS_TARGETS: 'lms',
    LRS_LMS_ENDPOINT: endpoint,
    LRS_LMS_USERNAME: lrs.basic.username,
    LRS_LMS_PASSWORD: lrs.basic.password,
    LRS_LMS_ACTOR: 'account',
    LRS_LMS_ACTOR_HOME_PAGE: LMS_HOME_PAGE,
  };
}

export const LRS_PROCESS_SCRIPT = path.join(PROJECT_ROOT, 'tests', 'support', 'lrs-process.cjs');

/**
 * Starts a real LRS (Learning Locker's xapi-statements service, in memory) in its own process on a free
 * 127.0.0.1 port, with Basic and OAuth 2.0 client-credentials authentication. Stop it in afterAll.
 */
export async function startLocalLrs(options: { tokenTtlSeconds?: number } = {}): Promise<LocalLrs> {
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'practica-lrs-'));
  const basic = { username: 'practica', password: 'practica-lrs-password' };
  const oauthClient = { clientId: 'practica-client', clientSecret: 'practica-client-secret' };
  const child = spawn(process.execPath, [LRS_PROCESS_SCRIPT], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_NO_WARNINGS: '1',
      LRS_USERNAME: basic.username,
      LRS_PASSWORD: basic.password,
      LRS_CLIENT_ID: oauthClient.clientId,
      LRS_CLIENT_SECRET: oauthClient.clientSecret,
      LRS_TOKEN_TTL_SECONDS: String(options.tokenTtlSeconds ?? 3600),
      LRS_STORAGE_DIR: storageDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));

  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the LRS did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = /LRS ready endpoint=(\S+) token=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the LRS exited:\n${output}`));
    });
  });
  const endpoint = ready[1]!;
  const tokenUrl = ready[2]!;
  const authorization = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`;

  return {
    endpoint,
    basic,
    oauth: { tokenUrl, ...oauthClient },
    authorization,
    async tokensIssued() {
      const response = await fetch(new URL('/oauth/stats', tokenUrl));
      return ((await response.json()) as { tokensIssued: number }).tokensIssued;
    },
    async statements(query = {}) {
      const all: Record<string, unknown>[] = [];
      let next: string | null = `${endpoint}statements?${new URLSearchParams({ limit: '500', ...query })}`;
      while (next) {
        const response: Response = await fetch(next, {
          headers: { Authorization: authorization, 'X-Experience-API-Version': '1.0.3' },
        });
        if (!response.ok) throw new Error(`LRS answered ${response.status}: ${await response.text()}`);
        const page = (await response.json()) as { statements: Record<string, unknown>[]; more?: string };
        all.push(...page.statements);
        next = page.more ? new URL(page.more, endpoint).toString() : null;
      }
      return all;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
