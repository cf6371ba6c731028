import type { DomainEvent } from '../events';
import type { Store } from '../ports';
import { DAY_MS } from '../ports';
import { levelThresholdsOf } from '../proficiency/assess-person';
import { weekKey } from '../proficiency/week-key';
import { ROLLUP_EVENT_TYPES } from './definitions';
import type { PersonWeek, Rollups } from './rollup';
import { rollupsFromEvents, type RollupRules } from './rollups-from-events';

const isRollupEvent = (event: DomainEvent) => ROLLUP_EVENT_TYPES.includes(event.type);

export async function rollupRulesOf(store: Store, tenantId: string): Promise<RollupRules> {
  const thresholds = levelThresholdsOf((await store.tenants.get(tenantId))?.settings);
  return { timeZone: thresholds.timeZone, qualityBar: thresholds.qualityBar };
}

/** The (person, week)s an event changes; a rating or review changes the week its session was completed in. */
function touched(
  event: DomainEvent,
  timeZone: string,
): { personId: string; weekStart?: string; sessionId?: string }[] {
  if (!event.personId) return [];
  const weekStart = weekKey(event.occurredAt, timeZone);
  switch (event.type) {
    case 'session.rated':
    case 'session.reviewed':
      return event.sessionId ? [{ personId: event.personId, sessionId: event.sessionId }] : [];
    case 'workflow.reused': {
      const authorId = event.data['authorId'];
      return [
        { personId: event.personId, weekStart },
        ...(typeof authorId === 'string' ? [{ personId: authorId, weekStart }] : []),
      ];
    }
    default:
      return [{ personId: event.personId, weekStart }];
  }
}

/** Recomputes, in `tx`, the rollup rows of every (person, week) the events touched, from those people's events. */
export async function updateRollupsAfter(tx: Store, appended: readonly DomainEvent[]): Promise<void> {
  const relevant = appended.filter(isRollupEvent);
  const tenants = new Set(relevant.map((event) => event.tenantId));
  for (const tenantId of tenants) {
    const rules = await rollupRulesOf(tx, tenantId);
    const byPerson = new Map<string, { weeks: Set<string>; sessions: Set<string> }>();
    for (const event of relevant.filter((candidate) => candidate.tenantId === tenantId))
      for (const touch of touched(event, rules.timeZone)) {
        const entry = byPerson.get(touch.personId) ?? { weeks: new Set(), sessions: new Set() };
        if (touch.weekStart) entry.weeks.add(touch.weekStart);
        if (touch.sessionId) entry.sessions.add(touch.sessionId);
        byPerson.set(touch.personId, entry);
      }
    await tx.metrics.lockPeople(tenantId, [...byPerson.keys()]);
    const keys: PersonWeek[] = [];
    const rows: Rollups = { personWeeks: [], personWorkflowWeeks: [] };
    for (const [personId, { weeks, sessions }] of byPerson) {
      if (sessions.size > 0)
        for (const completedAt of await tx.metrics.sessionCompletions(tenantId, personId, [...sessions]))
          weeks.add(weekKey(completedAt, rules.timeZone));
      if (weeks.size === 0) continue;
      // Only the touched weeks' evidence is read (not the person's whole history); rows computed for other
      // weeks from this partial evidence are left out by replaceRollups.
      const evidence = await tx.metrics.rollupEvidence(tenantId, personId, windowAround(weeks));
      const fresh = rollupsFromEvents(evidence, rules);
      keys.push(...[...weeks].map((weekStart) => ({ personId, weekStart })));
      rows.personWeeks.push(...fresh.personWeeks.filter((row) => row.personId === personId));
      rows.personWorkflowWeeks.push(...fresh.personWorkflowWeeks.filter((row) => row.personId === personId));
    }
    // One rewrite for everyone touched: the organisation's sums change in one ordered statement.
    await tx.metrics.replaceRollups(tenantId, keys, rows);
  }
}

/** A window of instants surely covering the given local weeks in any time zone (offsets stay within a day). */
function windowAround(weeks: Set<string>): { from: Date; to: Date } {
  const starts = [...weeks].map((week) => Date.parse(`${week}T00:00:00Z`));
  return { from: new Date(Math.min(...starts) - DAY_MS), to: new Date(Math.max(...starts) + 8 * DAY_MS) };
}

/**
 * Keeps the metric rollups up to date with the event log: when a transaction appends an event a rollup
 * rests on, the rows it changes are recomputed in that same transaction, so dashboards never disagree with
 * the events (DESIGN section 3).
 */
export function withMetricRollups(store: Store): Store {
  function recording(tx: Store, appended: DomainEvent[]): Store {
    return {
      ...tx,
      events: {
        ...tx.events,
        async append(event) {
          await tx.events.append(event);
          appended.push(event);
        },
      },
      transaction: (work) => tx.transaction((inner) => work(recording(inner, appended))),
    };
  }
  return {
    ...store,
    events: {
      ...store.events,
      // An event appended outside a transaction gets its own, so the rollups still change with it.
      append: (event) =>
        store.transaction(async (tx) => {
          await tx.events.append(event);
          await updateRollupsAfter(tx, [event]);
        }),
    },
    transaction: (work) =>
      store.transaction(async (tx) => {
        const appended: DomainEvent[] = [];
        const result = await work(recording(tx, appended));
        await updateRollupsAfter(tx, appended);
        return result;
      }),
  };
}
