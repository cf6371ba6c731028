import type { Turn } from './bot-load';

/**
 * Every operation the load bench played (warm-up and the unmeasured finish included), and what went wrong:
 * a problem is any answer but the expected one (a non-2xx status, a missing reply, a card that does not fit).
 */
export class LoadTally {
  operations = 0;
  readonly problems = new Map<string, number>();

  note(kind: string, problem: string | null): void {
    this.operations++;
    if (problem !== null) {
      const key = `${kind}: ${problem}`;
      this.problems.set(key, (this.problems.get(key) ?? 0) + 1);
    }
  }

  get failed(): number {
    return [...this.problems.values()].reduce((sum, count) => sum + count, 0);
  }
}

/** Runs one operation and times it; `work` resolves to null when it went as expected, else to what went wrong. */
export async function measured(
  tally: LoadTally,
  kind: string,
  work: () => Promise<string | null>,
  startedAt = performance.now(),
): Promise<Turn> {
  let problem: string | null;
  try {
    problem = await work();
  } catch (error) {
    problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  tally.note(kind, problem);
  return { kind, startedAt, endedAt: performance.now(), ok: problem === null };
}

/** The problem with an HTTP answer that should have been 200, or null. */
export const unlessOk = (status: number) => (status === 200 ? null : `HTTP ${status}`);
