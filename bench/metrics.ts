import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  readOrganisationMetrics,
  readTeamMetrics,
  weekKey,
  type Clock,
  type Person,
  type Viewer,
} from '../core';
import { createStore, migrateDatabase, openDatabase, type Database } from '../store';
import { BENCH_TENANT, buildMetricsDataset } from './metrics-dataset';
import { formatMs, percentile } from './stats';

export type MetricsBenchOptions = {
  /** Sizes to measure, people each; events are `eventsPerPerson` times as many. */
  people: number[];
  eventsPerPerson: number;
  coldRuns: number;
  warmRuns: number;
  postgresAdminUrl?: string;
  /** Measure PostgreSQL only (BENCH_METRICS_SKIP_PGLITE=1). */
  skipPglite?: boolean;
};

type Target = { label: string; create(): Promise<{ open(): Promise<Database>; drop(): Promise<void> }> };

const uuidOf = (text: string) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

const person = (index: number): Person => ({
  id: uuidOf(`p${index}`),
  tenantId: BENCH_TENANT,
  aadObjectId: `aad-${index}`,
  displayName: `Person ${index}`,
  email: `p${index}@bench.example`,
  department: `Dept ${index % 20}`,
  jobTitle: 'Analyst',
  managerId: null,
  employeeId: null,
  lmsIdentifier: null,
  roles: ['employee'],
  conversationReference: null,
  active: true,
});

function pglite(): Target {
  return {
    label: 'PGlite',
    async create() {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'practica-bench-metrics-'));
      return {
        open: () => openDatabase({ kind: 'pglite', dataDir }),
        drop: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  };
}

function postgres(adminUrl: string): Target {
  return {
    label: 'PostgreSQL',
    async create() {
      const name = `practica_bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        open: () => openDatabase({ kind: 'postgres', url: url.toString() }),
        drop: async () => {
          const cleanup = new Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const summary = (values: number[]) =>
  `p50 ${formatMs(percentile(values, 0.5))}, p95 ${formatMs(percentile(values, 0.95))}`;

/**
 * Organisation metrics (L&D admin, default 12 weeks) and a manager's team view (10 reports) on a tenant built
 * by bulk SQL; cold = the first read on a newly opened database connection (PGlite: the data directory opened
 * again), warm = repeated reads on one connection.
 */
export async function benchMetrics(
  options: MetricsBenchOptions,
  print: (line: string) => void,
): Promise<void> {
  const now = new Date();
  const clock: Clock = { now: () => now };
  const lastMonday = weekKey(now, 'UTC');
  const admin: Viewer = {
    person: { ...person(1), roles: ['employee', 'admin'] },
    roles: ['employee', 'admin'],
  };
  const manager: Viewer = { person: person(2), roles: ['employee', 'manager'] };
  const readings = {
    organisation: (store: ReturnType<typeof createStore>) =>
      readOrganisationMetrics({ store, clock, viewer: admin, period: {} }),
    team: (store: ReturnType<typeof createStore>) =>
      readTeamMetrics({ store, clock, viewer: manager, period: {} }),
  };
  const targets = [
    ...(options.skipPglite ? [] : [pglite()]),
    ...(options.postgresAdminUrl ? [postgres(options.postgresAdminUrl)] : []),
  ];
  for (const target of targets) {
    const growth = new Map<number, Record<string, number>>();
    for (const people of options.people) {
      const events = people * options.eventsPerPerson;
      const database = await target.create();
      try {
        const building = await database.open();
        const buildMs = await timed(async () => {
          await migrateDatabase(building);
          await buildMetricsDataset(building.db, { people, events, lastMonday });
        });
        await building.close();
        print(
          `metrics on ${target.label}, ${people.toLocaleString('en')} people / ${events.toLocaleString('en')} events (built in ${formatMs(buildMs)}):`,
        );
        const figures: Record<string, number> = {};
        for (const [name, read] of Object.entries(readings)) {
          const cold: number[] = [];
          for (let run = 0; run < options.coldRuns; run += 1) {
            const opened = await database.open();
            cold.push(await timed(() => read(createStore(opened.db))));
            await opened.close();
          }
          const opened = await database.open();
          const store = createStore(opened.db);
          for (let run = 0; run < 3; run += 1) await read(store);
          const warm: number[] = [];
          for (let run = 0; run < options.warmRuns; run += 1) warm.push(await timed(() => read(store)));
          const check = await read(store);
          await opened.close();
          print(
            `  ${name.padEnd(12)} cold ${summary(cold)}; warm ${summary(warm)} (${check.figures ? `${check.figures.activePeople} active people` : 'withheld'})`,
          );
          figures[`${name} cold p95`] = percentile(cold, 0.95);
          figures[`${name} warm p95`] = percentile(warm, 0.95);
        }
        growth.set(people, figures);
      } finally {
        await database.drop();
      }
    }
    const sizes = [...growth.keys()].sort((a, b) => a - b);
    if (sizes.length > 1) {
      const [small, large] = [growth.get(sizes[0]!)!, growth.get(sizes.at(-1)!)!];
      print(
        `  growth ${sizes[0]!.toLocaleString('en')} → ${sizes.at(-1)!.toLocaleString('en')} people on ${target.label}: ` +
          Object.keys(large)
            .map((key) => `${key} ×${(large[key]! / small[key]!).toFixed(1)}`)
            .join(', '),
      );
    }
  }
}
