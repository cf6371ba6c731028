import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEMO_PEOPLE, DEMO_TENANT } from '../server/demo';
import type { Persona } from './activities';
import {
  addLoad,
  emptyLoad,
  EchoConversation,
  PracticaConversation,
  runConversations,
  type Conversation,
  type LoadResult,
  type SharedWorkflows,
} from './bot-load';
import { startLocalConnector } from './local-connector';
import { cpuMsOf } from './process-cpu';
import { freePort, startServer, type RunningServer } from './processes';
import { formatMs, percentile } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
export const PRACTICA_MAIN = path.join(ROOT, 'dist', 'server', 'main.js');
export const ECHO_BOT = path.join(ROOT, 'dist', 'bench', 'echo-bot-server.js');

export type BotBenchOptions = {
  conversations: number;
  latencyConversations: number;
  warmupMs: number;
  /** Measured time per bot and figure, split into `rounds` alternating echo / Practica segments. */
  durationMs: number;
  rounds: number;
  /** A PostgreSQL server on which a database is created for the run (and dropped after); none: PGlite only. */
  postgresAdminUrl?: string;
};

/**
 * The conversations are the demo tenant's people; past its 42 people, new colleagues of the same tenant
 * (Practica provisions them from the activity on their first turn, as it would a new joiner).
 */
export function benchPersonas(count: number): Persona[] {
  const people: Persona[] = DEMO_PEOPLE.slice(0, count).map((person) => ({
    tenantId: DEMO_TENANT.id,
    aadObjectId: person.aadObjectId,
    displayName: person.displayName,
  }));
  for (let index = people.length; index < count; index++)
    people.push({
      tenantId: DEMO_TENANT.id,
      aadObjectId: randomUUID(),
      displayName: `New Colleague ${index + 1}`,
    });
  return people;
}

/** Practica in development mode on a free port, quiet, with no model configured (bring-your-own-AI). */
export async function startPractica(
  databaseEnv: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  return startServer(
    PRACTICA_MAIN,
    await freePort(),
    {
      PRACTICA_DEV_MODE: 'true',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_MS: '5000',
      ...databaseEnv,
      ...extraEnv,
    },
    '/readyz',
    180_000,
  );
}

export type BenchDatabase = { label: string; env: Record<string, string>; drop(): Promise<void> };

/** A new, empty database on the PostgreSQL server at `adminUrl` (its env names it), dropped by `drop()`. */
export async function createPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `practica_bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

function pgliteDatabase(scratch: string, name: string): BenchDatabase {
  const dataDir = path.join(scratch, name);
  return {
    label: 'PGlite',
    env: { PGLITE_DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const okTurns = (result: LoadResult) => result.measured.filter((turn) => turn.ok);
const failedTurns = (result: LoadResult) => result.measured.length - okTurns(result).length;
const turnsPerSecond = (result: LoadResult) => okTurns(result).length / result.seconds;
const p95 = (result: LoadResult) =>
  percentile(
    okTurns(result).map((turn) => turn.endedAt - turn.startedAt),
    0.95,
  );

function byKind(result: LoadResult): string {
  const kinds = [...new Set(result.measured.map((turn) => turn.kind))];
  return kinds
    .map((kind) => {
      const times = okTurns(result)
        .filter((turn) => turn.kind === kind)
        .map((turn) => turn.endedAt - turn.startedAt);
      return `${kind} p50 ${formatMs(percentile(times, 0.5))} / p95 ${formatMs(percentile(times, 0.95))}`;
    })
    .join('; ');
}

function failures(label: string, result: LoadResult): string {
  const failed = failedTurns(result);
  return failed === 0 ? '' : `; ${failed} of ${result.measured.length} ${label} turns FAILED`;
}

/** What Practica logged at LOG_LEVEL=warn (warnings and errors), each message with its count. */
export function practicaLog(server: RunningServer): string | null {
  const logged = [...server.logged()];
  return logged.length === 0 ? null : logged.map(([message, count]) => `${count}x ${message}`).join('; ');
}

/**
 * DESIGN §9, bot excluding LLM time: Practica against a bare echo bot on the same Teams SDK, both measured
 * here in the same run, throughput with many conversations and p95 latency with a few, per database.
 */
export async function benchBot(options: BotBenchOptions, print: (line: string) => void): Promise<void> {
  const connector = await startLocalConnector();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'practica-bench-bot-'));
  let echo: RunningServer | null = null;
  try {
    echo = await startServer(ECHO_BOT, await freePort(), { LOG_LEVEL: 'warn' });
    const databases: (() => Promise<BenchDatabase>)[] = [async () => pgliteDatabase(scratch, 'pglite')];
    const adminUrl = options.postgresAdminUrl;
    if (adminUrl) databases.push(() => createPostgresDatabase(adminUrl));

    for (const create of databases) {
      const database = await create();
      try {
        await benchOneDatabase(options, database, echo, connector, print);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await echo?.stop();
    await connector.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs the echo bot and Practica in alternating rounds (echo, Practica, echo, …), each after a warm-up, so
 * that whatever else the machine is doing weighs on both alike; returns each bot's turns over all rounds.
 */
async function alternate(
  echo: { conversations: Conversation[]; server: RunningServer },
  practica: { conversations: Conversation[]; server: RunningServer },
  options: BotBenchOptions,
): Promise<[LoadResult, LoadResult]> {
  let echoLoad = emptyLoad();
  let practicaLoad = emptyLoad();
  const segment = (server: RunningServer) => ({
    warmupMs: options.warmupMs,
    durationMs: options.durationMs / options.rounds,
    cpuMs: () => cpuMsOf(server.pid),
  });
  for (let round = 0; round < options.rounds; round++) {
    echoLoad = addLoad(echoLoad, await runConversations(echo.conversations, segment(echo.server)));
    practicaLoad = addLoad(
      practicaLoad,
      await runConversations(practica.conversations, segment(practica.server)),
    );
  }
  return [echoLoad, practicaLoad];
}

/** The bot process's CPU per measured turn (all its threads), or null where /proc cannot be read. */
const cpuPerTurn = (result: LoadResult) =>
  result.cpuMs === null || result.measured.length === 0 ? null : result.cpuMs / result.measured.length;

function cpuLine(
  label: string,
  conversations: number,
  practica: LoadResult,
  echo: LoadResult,
): string | null {
  const [ours, theirs] = [cpuPerTurn(practica), cpuPerTurn(echo)];
  if (ours === null || theirs === null) return null;
  return (
    `  CPU a turn, ${conversations} conversations, ${label}: Practica ${ours.toFixed(2)} ms, echo ` +
    `${theirs.toFixed(2)} ms (echo / Practica ${(theirs / ours).toFixed(2)}; each bot's process, all threads)`
  );
}

async function benchOneDatabase(
  options: BotBenchOptions,
  database: BenchDatabase,
  echo: RunningServer,
  connector: Awaited<ReturnType<typeof startLocalConnector>>,
  print: (line: string) => void,
): Promise<void> {
  const practica = await startPractica(database.env);
  try {
    const many = benchPersonas(options.conversations);
    const few = benchPersonas(options.latencyConversations);
    const workflows: SharedWorkflows = { ids: [] };
    const practicaConversations = (people: Persona[]) =>
      people.map(
        (person, index) => new PracticaConversation(practica.url, connector, person, index, workflows),
      );
    const echoConversations = (people: Persona[]) =>
      people.map((person) => new EchoConversation(echo.url, connector, person));

    const [echoMany, practicaMany] = await alternate(
      { conversations: echoConversations(many), server: echo },
      { conversations: practicaConversations(many), server: practica },
      options,
    );
    const [echoFew, practicaFew] = await alternate(
      { conversations: echoConversations(few), server: echo },
      { conversations: practicaConversations(few), server: practica },
      options,
    );
    if (practica.exited()) throw new Error(`Practica exited during the run: ${practica.output().trim()}`);
    if (echo.exited()) throw new Error(`the echo bot exited during the run: ${echo.output().trim()}`);

    const label = database.label;
    const throughputRatio = turnsPerSecond(practicaMany) / turnsPerSecond(echoMany);
    const throughputMeets =
      throughputRatio >= 0.5 && failedTurns(practicaMany) === 0 && okTurns(practicaMany).length > 0;
    print(
      `bot throughput, ${many.length} conversations, ${label}: Practica ${turnsPerSecond(practicaMany).toFixed(0)} turns/s, ` +
        `echo ${turnsPerSecond(echoMany).toFixed(0)} turns/s, ratio ${throughputRatio.toFixed(2)}x ` +
        `(target >= 0.5x): ${throughputMeets ? 'meets' : 'MISSES'}` +
        failures('Practica', practicaMany) +
        failures('echo', echoMany),
    );
    const latencyRatio = p95(practicaFew) / p95(echoFew);
    const latencyMeets =
      latencyRatio <= 2 && failedTurns(practicaFew) === 0 && okTurns(practicaFew).length > 0;
    print(
      `bot p95 turn latency, ${few.length} conversations, ${label}: Practica ${formatMs(p95(practicaFew))}, ` +
        `echo ${formatMs(p95(echoFew))}, ratio ${latencyRatio.toFixed(2)}x (target <= 2x): ` +
        `${latencyMeets ? 'meets' : 'MISSES'}` +
        failures('Practica', practicaFew) +
        failures('echo', echoFew),
    );
    for (const line of [
      cpuLine(label, many.length, practicaMany, echoMany),
      cpuLine(label, few.length, practicaFew, echoFew),
    ])
      if (line) print(line);
    print(`  Practica turns, ${few.length} conversations, ${label}: ${byKind(practicaFew)}`);
    print(`  Practica turns, ${many.length} conversations, ${label}: ${byKind(practicaMany)}`);
    print(
      `  turns measured over ${options.durationMs / 1000} s per bot in ${options.rounds} alternating rounds, ` +
        `each after ${options.warmupMs / 1000} s warm-up: ` +
        `Practica ${practicaMany.measured.length} / ${practicaFew.measured.length}, ` +
        `echo ${echoMany.measured.length} / ${echoFew.measured.length} (${many.length} / ${few.length} conversations)`,
    );
    const log = practicaLog(practica);
    if (log) print(`  Practica logged (LOG_LEVEL=warn): ${log}`);
  } finally {
    await practica.stop();
  }
}
