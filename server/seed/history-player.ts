import {
  actOnSession,
  DAY_MS,
  startSession,
  type Ids,
  type Person,
  type Session,
  type Store,
} from '../../core';
import { settableClock } from './history-clock';
import type { PlannedRun } from './history-plan';
import type { TimedAction } from './history-script';

/** One planned session, resolved to its person and workflow; its id is known once it has started. */
export type Scripted = {
  run: PlannedRun;
  person: Person;
  workflowId: string;
  actions: TimedAction[];
  sessionId: string | null;
  /** The session as this script last left it (spares a read per action; compare-and-set still guards it). */
  session?: Session;
};

type Moment = { at: Date; script: Scripted; index: number; order: number };

/**
 * Plays every session's start and actions in the order they happened (sessions interleave in time), through
 * the real use cases on a clock set to each moment. One transaction per day of history: far fewer commits
 * than one per action, yet short enough that the rows each day rewrites are cleaned up as it goes.
 */
export async function playHistory(options: {
  store: Store;
  ids: Ids;
  tenantId: string;
  scripts: Scripted[];
}): Promise<void> {
  const { store, ids, tenantId } = options;
  const clock = settableClock(new Date(0));
  for (const day of byDay(timeline(options.scripts))) {
    await store.transaction(async (tx) => {
      const joined = joinTransaction(tx);
      for (const { at, script, order } of day) {
        clock.set(at);
        const common = { store: joined, clock, ids, tenantId, llmAvailable: false };
        if (order < 0) {
          const started = await startSession({
            ...common,
            personId: script.person.id,
            workflowId: script.workflowId,
          });
          if (started.kind !== 'started') throw new Error('Demo history: a session did not start');
          script.sessionId = started.session.id;
          script.session = started.session;
          continue;
        }
        const action = script.actions[order]?.action;
        if (!action || !script.sessionId) throw new Error('Demo history: an action has no session');
        const result = await actOnSession({
          ...common,
          sessionId: script.sessionId,
          action,
          actorPersonId: script.person.id,
          knownSession: script.session,
        });
        if (result.kind !== 'applied')
          throw new Error(`Demo history: "${action.type}" was ${result.kind} in ${script.run.workflowTitle}`);
        script.session = result.session;
      }
    });
  }
}

/**
 * The store of one day's transaction, on which the use cases' own transactions join it instead of each
 * opening a savepoint: a failure rolls the day back anyway, and savepoints would double the time.
 */
function joinTransaction(tx: Store): Store {
  const store: Store = { ...tx, transaction: (work) => work(store) };
  return store;
}

function timeline(scripts: readonly Scripted[]): Moment[] {
  const moments: Moment[] = [];
  scripts.forEach((script, index) => {
    moments.push({ at: script.run.startAt, script, index, order: -1 });
    script.actions.forEach((action, order) => moments.push({ at: action.at, script, index, order }));
  });
  return moments.sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index || a.order - b.order);
}

function byDay(moments: readonly Moment[]): Moment[][] {
  const days = new Map<number, Moment[]>();
  for (const moment of moments) {
    const day = Math.floor(moment.at.getTime() / DAY_MS);
    days.set(day, [...(days.get(day) ?? []), moment]);
  }
  return [...days.values()];
}
