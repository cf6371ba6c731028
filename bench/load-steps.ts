import { addLoad, emptyLoad, runConversations, type LoadResult, type Turn } from './bot-load';
import type { LoadEmployee } from './load-employee';
import type { LoadTabUser } from './load-tab-user';
import { percentile } from './stats';

export type Segment = { warmupMs: number; durationMs: number };

/** One concurrency step: what was measured, with how many employees and tab users. */
export type Step = { employees: number; tabUsers: number; load: LoadResult };

/**
 * Plays the employees and tab users at once, closed loop, for the warm-up and the measured window; then
 * each employee finishes the session it is in (unmeasured), so that every session played is one finished.
 */
export async function playStep(
  employees: LoadEmployee[],
  tabUsers: LoadTabUser[],
  urls: string[],
  segment: Segment,
): Promise<Step> {
  for (const employee of employees) employee.useInstances(urls);
  for (const tabUser of tabUsers) await tabUser.useInstances(urls);
  const load = await runConversations([...employees, ...tabUsers], segment);
  await Promise.all(employees.map((employee) => employee.finishSession()));
  return { employees: employees.length, tabUsers: tabUsers.length, load };
}

const isTab = (turn: Turn) => turn.kind.startsWith('tab:');
/** Waiting for the model's answer is not a request to the bot; it is reported, not counted as a turn. */
const isWait = (turn: Turn) => turn.kind.startsWith('generate');
const isBotTurn = (turn: Turn) => !isTab(turn) && !isWait(turn);
const msOf = (turns: Turn[]) => turns.map((turn) => turn.endedAt - turn.startedAt);

export type Figures = {
  /** Answered requests per second: bot turns (activities POSTed to /api/messages), tab API reads. */
  botPerSecond: number;
  tabPerSecond: number;
  /** p95 over all answered requests (bot turns and tab reads). */
  p95: number;
  botP95: number;
  tabP95: number;
  failed: number;
};

export function figuresOf(load: LoadResult): Figures {
  const ok = load.measured.filter((turn) => turn.ok);
  const requests = ok.filter((turn) => !isWait(turn));
  return {
    botPerSecond: ok.filter(isBotTurn).length / load.seconds,
    tabPerSecond: ok.filter(isTab).length / load.seconds,
    p95: percentile(msOf(requests), 0.95),
    botP95: percentile(msOf(ok.filter(isBotTurn)), 0.95),
    tabP95: percentile(msOf(ok.filter(isTab)), 0.95),
    failed: load.measured.length - ok.length,
  };
}

export type OperationFigures = {
  kind: string;
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
};

/** Per operation kind over all steps of one configuration, in the order the kinds were first played. */
export function byOperation(steps: Step[]): OperationFigures[] {
  const load = steps.reduce((sum, step) => addLoad(sum, step.load), emptyLoad());
  const kinds = [...new Set(load.measured.map((turn) => turn.kind))];
  return kinds.map((kind) => {
    const turns = load.measured.filter((turn) => turn.kind === kind);
    const ms = msOf(turns.filter((turn) => turn.ok));
    return {
      kind,
      count: turns.length,
      perSecond: turns.length / load.seconds,
      p50: percentile(ms, 0.5),
      p95: percentile(ms, 0.95),
      p99: percentile(ms, 0.99),
      failed: turns.filter((turn) => !turn.ok).length,
    };
  });
}

export type Point = { employees: number; perSecond: number; p95: number };

/**
 * Where throughput stops growing: the step after which the next gains under 10%, or whose next has a p95
 * past 1 s. Null when it still grows at the last step.
 */
export function saturationOf(points: Point[]): { at: number; why: string } | null {
  for (let index = 0; index < points.length; index++) {
    const point = points[index]!;
    const before = points[index - 1];
    if (point.p95 > 1_000)
      return before
        ? { at: before.employees, why: `p95 ${Math.round(point.p95)} ms at ${point.employees}` }
        : { at: point.employees, why: `p95 already ${Math.round(point.p95)} ms` };
    if (before && point.perSecond < before.perSecond * 1.1) {
      const gain = (point.perSecond / before.perSecond - 1) * 100;
      return {
        at: before.employees,
        why: `${gain >= 0 ? '+' : ''}${gain.toFixed(0)}% at ${point.employees}`,
      };
    }
  }
  return null;
}
