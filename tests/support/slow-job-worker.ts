/**
 * A worker process for the crash test: claims the 'slow-report' job on the database named by DATABASE_URL,
 * says so on stdout, and never finishes it, so the test can kill it with SIGKILL mid-job.
 */
import { silentLogger, systemClock } from '../../core';
import { createStore, openDatabase } from '../../store';
import { JobWorker } from '../../server/jobs';

async function main(): Promise<void> {
  const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL ?? '' });
  const worker = new JobWorker({
    jobs: createStore(database.db).jobs,
    definitions: [
      {
        kind: 'slow-report',
        run: async (job) => {
          process.stdout.write(`claimed ${job.id}\n`);
          await new Promise(() => undefined);
        },
      },
    ],
    clock: systemClock,
    logger: silentLogger,
    workerId: 'doomed-instance',
    concurrency: 1,
    pollMs: 20,
    leaseMs: Number(process.env.JOB_LEASE_MS ?? 2_000),
  });
  worker.start();
}

void main();
