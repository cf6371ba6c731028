import path from 'node:path';
import { benchBot } from './bot';
import { benchSlowModel } from './bot-slow-model';
import { benchConnector } from './connector';
import { benchLoad } from './load';
import { benchMetrics } from './metrics';
import { stopAllChildren } from './processes';
import { benchStartup, printStartup } from './startup';
import { measureTabSize, printTabSize } from './tab-size';

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;

const connector = () =>
  benchConnector(
    {
      statements: Number(process.env.BENCH_CONNECTOR_STATEMENTS ?? 10_000),
      rounds: Number(process.env.BENCH_CONNECTOR_ROUNDS ?? 3),
      writeEvents: 1_000,
      outageMs: seconds('BENCH_CONNECTOR_OUTAGE_SECONDS', 10),
      outageBackoffCapMs: Number(process.env.BENCH_CONNECTOR_BACKOFF_CAP_MS ?? 5_000),
      postgresAdminUrl: process.env.TEST_DATABASE_URL || undefined,
      skipPglite: process.env.BENCH_CONNECTOR_SKIP_PGLITE === '1',
    },
    (line) => console.log(line),
  );

const metrics = () =>
  benchMetrics(
    {
      people: (process.env.BENCH_METRICS_PEOPLE ?? '1000,10000').split(',').map(Number),
      eventsPerPerson: 100,
      coldRuns: Number(process.env.BENCH_METRICS_COLD_RUNS ?? 5),
      warmRuns: Number(process.env.BENCH_METRICS_WARM_RUNS ?? 20),
      postgresAdminUrl: process.env.TEST_DATABASE_URL || undefined,
      skipPglite: process.env.BENCH_METRICS_SKIP_PGLITE === '1',
    },
    (line) => console.log(line),
  );

const load = async () => {
  if (process.env.BENCH_SKIP_LOAD === '1') return console.log('load: skipped (BENCH_SKIP_LOAD=1)');
  const postgresAdminUrl = process.env.TEST_DATABASE_URL;
  if (!postgresAdminUrl && process.env.BENCH_ONLY === 'load')
    throw new Error(
      'BENCH_ONLY=load needs TEST_DATABASE_URL (a PostgreSQL server to create its database on)',
    );
  if (!postgresAdminUrl)
    return console.log('load: skipped (it needs TEST_DATABASE_URL, a PostgreSQL server)');
  await benchLoad(
    {
      steps: (process.env.BENCH_LOAD_STEPS ?? '10,25,50,100').split(',').map(Number),
      tabUsersPerEmployee: Number(process.env.BENCH_LOAD_TAB_USERS_PER_EMPLOYEE ?? 0.5),
      segment: {
        warmupMs: seconds('BENCH_LOAD_WARMUP_SECONDS', 2),
        durationMs: seconds('BENCH_LOAD_SECONDS', 4),
      },
      modelDelayMs: Number(process.env.BENCH_LOAD_MODEL_MS ?? 50),
      postgresAdminUrl,
    },
    (line) => console.log(line),
  );
};

/** npm run bench: prints each figure beside a baseline measured in the same run (BENCH_ONLY=connector, metrics or load: that one only; bot: start-up and the bot figures). */
async function main(): Promise<void> {
  console.log(`Practica benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
  printTabSize(measureTabSize(path.resolve(__dirname, '..', '..', 'tab', 'dist')));
  if (process.env.BENCH_ONLY === 'tab') return;
  if (process.env.BENCH_ONLY === 'connector') return connector();
  if (process.env.BENCH_ONLY === 'metrics') return metrics();
  if (process.env.BENCH_ONLY === 'load') return load();
  printStartup(
    await benchStartup({
      newRuns: Number(process.env.BENCH_NEW_RUNS ?? 3),
      existingRuns: Number(process.env.BENCH_EXISTING_RUNS ?? 5),
    }),
  );
  await benchBot(
    {
      conversations: 50,
      latencyConversations: 5,
      warmupMs: seconds('BENCH_BOT_WARMUP_SECONDS', 2),
      durationMs: seconds('BENCH_BOT_SECONDS', 15),
      rounds: Number(process.env.BENCH_BOT_ROUNDS ?? 3),
      postgresAdminUrl: process.env.TEST_DATABASE_URL || undefined,
    },
    (line) => console.log(line),
  );
  if (process.env.BENCH_ONLY !== 'bot') {
    await connector();
    await metrics();
    await load();
  }
  if (process.env.BENCH_SKIP_SLOW_LLM === '1') {
    console.log('bot under a slow model: skipped (BENCH_SKIP_SLOW_LLM=1)');
  } else {
    const modelDelayMs = seconds('BENCH_SLOW_LLM_SECONDS', 60);
    await benchSlowModel(
      { conversations: 5, modelDelayMs, waitMs: modelDelayMs + 15_000, statusEveryMs: 2_000 },
      (line) => console.log(line),
    );
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAllChildren();
    process.exit(1);
  },
);
