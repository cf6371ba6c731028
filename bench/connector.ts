import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  defaultTenantSettings,
  randomIds,
  silentLogger,
  systemClock,
  type NewOutboxEntry,
  type Store,
} from '../core';
import { createLrsClient, type LrsClient } from '../lms-connector/client';
import { OutboxDispatcher } from '../lms-connector/dispatch';
import type { LrsTarget } from '../lms-connector/targets';
import { createStore, migrateDatabase, openDatabase } from '../store';
import { startBenchLrs, type BenchLrs } from './local-lrs';
import { formatMs, median } from './stats';

export type ConnectorBenchOptions = {
  statements: number;
  rounds: number;
  /** Transactions per variant for the outbox write overhead. */
  writeEvents: number;
  /** How long the LRS is down in the drain figure, with statements arriving throughout. */
  outageMs: number;
  /**
   * The dispatcher's backoff cap in the drain figure (5 s by default; 5 min in the service). A short cap makes a
   * short outage retry as often as an hour does: 20 ms for 20 s rewrites about as many outbox rows.
   */
  outageBackoffCapMs?: number;
};

type Statement = Record<string, unknown> & { id: string };

function makeStatements(count: number): Statement[] {
  const registration = randomUUID();
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    actor: {
      objectType: 'Agent',
      account: { homePage: 'https://lms.contoso.com', name: `E${10_000 + (index % 500)}` },
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
    object: {
      objectType: 'Activity',
      id: `https://practica.contoso.com/workflows/${index % 8}`,
      definition: {
        name: { en: 'Variance commentary' },
        type: 'https://w3id.org/xapi/practica/activities/workflow',
      },
    },
    result: { completion: true, duration: 'PT14M', score: { scaled: 0.8 } },
    context: { registration, platform: 'Microsoft Teams' },
    timestamp: new Date(Date.UTC(2026, 10, 2, 9, 0, index)).toISOString(),
  }));
}

function targetFor(lrs: BenchLrs): LrsTarget {
  return {
    name: 'lms',
    endpoint: lrs.endpoint,
    auth: { kind: 'basic', username: lrs.username, password: lrs.password },
    actor: { kind: 'account', homePage: 'https://lms.contoso.com' },
  };
}

/** The baseline: the same statements POSTed in batches of 100, one after another, no database. */
async function bareLoop(lrs: BenchLrs, statements: Statement[]): Promise<number> {
  const authorization = `Basic ${Buffer.from(`${lrs.username}:${lrs.password}`).toString('base64')}`;
  const started = performance.now();
  for (let index = 0; index < statements.length; index += 100) {
    const response = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body: JSON.stringify(statements.slice(index, index + 100)),
    });
    if (!response.ok) throw new Error(`bare loop: LRS answered ${response.status}`);
    await response.arrayBuffer();
  }
  return performance.now() - started;
}

function outboxRows(tenantId: string, statements: Statement[], dueAt: Date): NewOutboxEntry[] {
  return statements.map((statement) => ({
    id: randomUUID(),
    tenantId,
    statementId: statement.id,
    target: 'lms',
    eventId: randomUUID(),
    personId: null,
    payload: statement,
    status: 'pending',
    nextAttemptAt: dueAt,
  }));
}

async function newTenant(store: Store): Promise<string> {
  const tenantId = randomUUID();
  await store.tenants.ensure({
    id: tenantId,
    displayName: 'Bench',
    settings: defaultTenantSettings(),
  });
  return tenantId;
}

/**
 * What the LRS acknowledged to the dispatcher, counted in its client so that watching costs no queries; `ids`
 * counts acknowledgements per statement id (one that is missing was lost or dead-lettered).
 */
type Acknowledged = { statements: number; firstAt: number | null; ids: Map<string, number> };

const acknowledgedNothing = (): Acknowledged => ({ statements: 0, firstAt: null, ids: new Map() });

function countingClient(target: LrsTarget, acknowledged: Acknowledged): LrsClient {
  const client = createLrsClient(target, { timeoutMs: 30_000 });
  return {
    ...client,
    async sendStatements(statements) {
      const ids = await client.sendStatements(statements);
      acknowledged.firstAt ??= performance.now();
      acknowledged.statements += statements.length;
      for (const statement of statements) {
        const id = String(statement.id);
        acknowledged.ids.set(id, (acknowledged.ids.get(id) ?? 0) + 1);
      }
      return ids;
    },
  };
}

function startDispatcher(
  store: Store,
  target: LrsTarget,
  acknowledged: Acknowledged,
  backoff?: { baseMs: number; capMs: number },
) {
  const dispatcher = new OutboxDispatcher({
    outbox: store.xapiOutbox,
    targets: [{ target, client: countingClient(target, acknowledged) }],
    clock: systemClock,
    logger: silentLogger,
    workerId: randomUUID(),
    pollMs: 20,
    inFlightPerTarget: Number(process.env.BENCH_CONNECTOR_IN_FLIGHT ?? 2),
    ...(backoff ? { backoff } : {}),
  });
  dispatcher.start();
  return dispatcher;
}

async function backlogOf(store: Store, tenantId: string): Promise<number> {
  return (await store.xapiOutbox.stats(tenantId, ['lms'], new Date()))[0]!.backlog;
}

/**
 * Whether the backlog is empty, asked of the database once the LRS has acknowledged every statement (and once a
 * second before, in case some are dead-lettered): counting it every 100 ms read all the tenant's rows, 190 ms a
 * time after a long outage, on the two cores the dispatcher and the LRS share.
 */
function drainedWatch(store: Store, tenantId: string, acknowledged: Acknowledged, total: number) {
  let askedAt = 0;
  return async () => {
    if (acknowledged.statements < total && performance.now() - askedAt < 1_000) return false;
    askedAt = performance.now();
    return (await backlogOf(store, tenantId)) === 0;
  };
}

async function until(condition: () => Promise<boolean>, everyMs = 100): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

/** The statements written to the outbox, then the dispatcher started: time until the backlog is empty. */
async function throughOutbox(store: Store, lrs: BenchLrs, statements: Statement[]): Promise<number> {
  const tenantId = await newTenant(store);
  const rows = outboxRows(tenantId, statements, new Date(Date.now() - 1000));
  for (let index = 0; index < rows.length; index += 1000)
    await store.xapiOutbox.enqueue(rows.slice(index, index + 1000));
  const started = performance.now();
  const acknowledged = acknowledgedNothing();
  const dispatcher = startDispatcher(store, targetFor(lrs), acknowledged);
  await until(drainedWatch(store, tenantId, acknowledged, rows.length), 20);
  const elapsed = performance.now() - started;
  await dispatcher.stop();
  return elapsed;
}

/** One event per transaction, with and without its outbox row (one statement for one target). */
async function writeOverhead(store: Store, events: number): Promise<{ withoutMs: number; withMs: number }> {
  const tenantId = await newTenant(store);
  const statements = makeStatements(events);
  const run = async (withOutbox: boolean) => {
    const started = performance.now();
    for (const statement of statements) {
      await store.transaction(async (tx) => {
        const eventId = randomUUID();
        await tx.events.append({
          id: eventId,
          tenantId,
          type: 'session.step_completed',
          personId: null,
          sessionId: null,
          workflowId: null,
          occurredAt: new Date(),
          data: { step: 2 },
        });
        if (withOutbox)
          await tx.xapiOutbox.enqueue(
            outboxRows(tenantId, [{ ...statement, id: randomUUID() }], new Date(Date.now() + 3_600_000)),
          );
      });
    }
    return (performance.now() - started) / statements.length;
  };
  await run(false); // warm-up
  const withoutMs = await run(false);
  const withMs = await run(true);
  return { withoutMs, withMs };
}

/** The LRS goes down while statements keep arriving, comes back, and the backlog drains. */
async function drainAfterOutage(
  store: Store,
  statements: Statement[],
  outageMs: number,
  backoff: { baseMs: number; capMs: number },
) {
  let lrs = await startBenchLrs();
  const port = lrs.port;
  const target = targetFor(lrs);
  const tenantId = await newTenant(store);
  const acknowledged = acknowledgedNothing();
  const dispatcher = startDispatcher(store, target, acknowledged, backoff);
  await lrs.stop();
  const chunk = Math.ceil(statements.length / Math.max(1, Math.floor(outageMs / 100)));
  const outageStarted = performance.now();
  for (let index = 0; index < statements.length; index += chunk) {
    await store.xapiOutbox.enqueue(outboxRows(tenantId, statements.slice(index, index + chunk), new Date()));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await until(async () => performance.now() - outageStarted >= outageMs, 50);
  const bareBeforeMs = await bareLoopOnFreshLrs(statements.length);
  lrs = await startBenchLrs(port);
  const upAt = performance.now();
  await until(drainedWatch(store, tenantId, acknowledged, statements.length), 20);
  const emptyAt = performance.now();
  await dispatcher.stop();
  await lrs.stop();
  const firstSendAt = acknowledged.firstAt ?? emptyAt;
  const bareAfterMs = await bareLoopOnFreshLrs(statements.length);
  const missing = statements.filter((statement) => !acknowledged.ids.has(String(statement.id))).length;
  const repeated = [...acknowledged.ids.values()].filter((times) => times > 1).length;
  return {
    waitMs: firstSendAt - upAt,
    drainMs: emptyAt - firstSendAt,
    bareBeforeMs,
    bareAfterMs,
    missing,
    repeated,
  };
}

/**
 * The drain's baseline, measured right before the LRS comes back (the outage lasts that much longer) and right
 * after the drain: an hour-long run's first baseline is an hour old on a shared machine whose load changes, and
 * the LRS gets slower as it fills, so each starts from an empty LRS, as the drain does.
 */
async function bareLoopOnFreshLrs(count: number): Promise<number> {
  const lrs = await startBenchLrs();
  try {
    return await bareLoop(lrs, makeStatements(count));
  } finally {
    await lrs.stop();
  }
}

type ConnectorDatabase = { label: string; open(): Promise<{ store: Store; close(): Promise<void> }> };

/** PGlite in a data directory, as Practica runs by default (in memory, growing files are copied as they grow). */
function pglite(): ConnectorDatabase {
  return {
    label: 'PGlite',
    async open() {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'practica-bench-connector-'));
      const database = await openDatabase({ kind: 'pglite', dataDir });
      await migrateDatabase(database);
      return {
        store: createStore(database.db, randomIds),
        close: async () => {
          await database.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

function postgres(adminUrl: string): ConnectorDatabase {
  return {
    label: 'PostgreSQL',
    async open() {
      const name = `practica_bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ kind: 'postgres', url: url.toString() });
      await migrateDatabase(database);
      return {
        store: createStore(database.db, randomIds),
        close: async () => {
          await database.close();
          const cleanup = new Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

export async function benchConnector(
  options: ConnectorBenchOptions & { postgresAdminUrl?: string; skipPglite?: boolean },
  print: (line: string) => void,
): Promise<void> {
  const databases = [
    ...(options.skipPglite ? [] : [pglite()]),
    ...(options.postgresAdminUrl ? [postgres(options.postgresAdminUrl)] : []),
  ];
  for (const database of databases) {
    const { store, close } = await database.open();
    try {
      await benchOn(database.label, store, options, print);
    } finally {
      await close();
    }
  }
}

async function benchOn(
  label: string,
  store: Store,
  options: ConnectorBenchOptions,
  print: (line: string) => void,
): Promise<void> {
  const bare: number[] = [];
  const outbox: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const statements = makeStatements(options.statements);
    // Alternate which goes first; each gets a fresh LRS, so neither finds the other's statements.
    for (const which of round % 2 === 0 ? ['bare', 'outbox'] : ['outbox', 'bare']) {
      const lrs = await startBenchLrs();
      try {
        const copy = statements.map((statement) => ({ ...statement }));
        if (which === 'bare') bare.push(await bareLoop(lrs, copy));
        else outbox.push(await throughOutbox(store, lrs, copy));
      } finally {
        await lrs.stop();
      }
    }
  }
  const rate = (ms: number) => (options.statements / ms) * 1000;
  const bareRate = rate(median(bare));
  const outboxRate = rate(median(outbox));
  const ratio = outboxRate / bareRate;
  print(
    `connector (${label}): ${options.statements} statements through the outbox to the local LRS: median ` +
      `${formatMs(median(outbox))}, ${outboxRate.toFixed(0)}/s; bare batched POST loop ${formatMs(median(bare))}, ` +
      `${bareRate.toFixed(0)}/s; ratio ${ratio.toFixed(2)}x over ${options.rounds} rounds; target >= 0.8x: ` +
      `${ratio >= 0.8 ? 'meets' : 'MISSES'}`,
  );

  const overhead = await writeOverhead(store, options.writeEvents);
  print(
    `connector (${label}): outbox write per event (one transaction per event, one statement for one target): ` +
      `${overhead.withMs.toFixed(2)} ms with the outbox row vs ${overhead.withoutMs.toFixed(2)} ms without, ` +
      `overhead ${(overhead.withMs - overhead.withoutMs).toFixed(2)} ms`,
  );

  const capMs = options.outageBackoffCapMs ?? 5_000;
  const drain = await drainAfterOutage(store, makeStatements(options.statements), options.outageMs, {
    baseMs: Math.min(500, capMs),
    capMs,
  });
  const drainRate = rate(drain.drainMs);
  const bareBeforeRate = rate(drain.bareBeforeMs);
  const bareAfterRate = rate(drain.bareAfterMs);
  const drainRatio = drainRate / ((bareBeforeRate + bareAfterRate) / 2);
  print(
    `connector (${label}): after a ${formatMs(options.outageMs)} LRS outage with ${options.statements} statements ` +
      `arriving, first send ${formatMs(drain.waitMs)} after the LRS was back (backoff capped at ${formatMs(capMs)} here, 5 min by ` +
      `default), then drained at ${drainRate.toFixed(0)}/s = ${drainRatio.toFixed(2)}x the mean of bare loops measured ` +
      `just before and after it (${bareBeforeRate.toFixed(0)}/s, ${bareAfterRate.toFixed(0)}/s; ` +
      `${(drainRate / bareRate).toFixed(2)}x the first one); ` +
      `target >= 0.8x: ${drainRatio >= 0.8 ? 'meets' : 'MISSES'}`,
  );
  print(
    `connector (${label}): after that outage the LRS acknowledged ${options.statements - drain.missing} of the ` +
      `${options.statements} statements (${drain.missing} missing); ${drain.repeated} were sent again after an ` +
      `acknowledgement (an LRS keeps one statement per id): ${drain.missing === 0 ? 'nothing lost' : 'LOST SOME'}`,
  );
}
