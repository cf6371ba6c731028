import { benchStartup, printStartup } from './startup';

/** npm run bench: prints each figure beside a baseline measured in the same run. */
async function main(): Promise<void> {
  console.log(`Practica benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
  printStartup(
    await benchStartup({
      newRuns: Number(process.env.BENCH_NEW_RUNS ?? 3),
      existingRuns: Number(process.env.BENCH_EXISTING_RUNS ?? 5),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
