import { comingLapses } from '../coaching';
import type { DomainEvent } from '../events';
import type { Person } from '../people';
import { DAY_MS, type Store } from '../ports';
import { levelThresholdsOf, weekKey } from '../proficiency';
import { LOW_RATING_THRESHOLD } from '../sessions';
import type { Tenant } from '../tenants';
import { knownTimeZone, nextWeekStart, nextWorkingDayStart } from './local-time';
import type { NudgePlan } from './nudge-plan';
import { nudgeRulesOf, tenantSendsNudge } from './nudge-settings';
import type { NudgeStore } from './nudge-store';

/** A lapse is announced this many days ahead (issue 13: "7 days before an L2 would lapse"). */
export const LAPSE_NOTICE_DAYS = 7;
/** L2 asks for runs in more than one week; a reminder goes after the first and the second run. */
const RUNS_BEFORE_HABIT = [1, 2];

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The person's own time zone (from Teams) when known, else the tenant's. */
export function timeZoneOf(person: Person | null | undefined, tenant: Tenant): string {
  const tenantZone = knownTimeZone(levelThresholdsOf(tenant.settings).timeZone, 'UTC');
  return knownTimeZone(person?.conversationReference?.timeZone, tenantZone);
}

/**
 * Nudges that follow from what happened in [from, to): a follow-up the working day after a low-rated session,
 * a reminder in the next week after a first or second run of a workflow, and a notice to an author when
 * someone reuses their workflow (one per workflow per week).
 */
export async function planEventNudges(options: {
  store: Store;
  nudges: NudgeStore;
  tenant: Tenant;
  from: Date;
  to: Date;
}): Promise<NudgePlan[]> {
  const { store, nudges, tenant, from, to } = options;
  if (!tenant.settings.nudgesEnabled) return [];
  const hours = nudgeRulesOf(tenant.settings).workingHours;
  const events = await nudges.eventsBetween(
    tenant.id,
    ['session.rated', 'session.completed', 'workflow.reused'],
    from,
    to,
  );
  const people = new Map<string, Person | null>();
  const personOf = async (personId: string) => {
    if (!people.has(personId)) people.set(personId, await store.people.get(tenant.id, personId));
    return people.get(personId) ?? null;
  };
  const plans: NudgePlan[] = [];
  for (const event of events) {
    const plan = await planFor(event);
    if (plan && tenantSendsNudge(tenant.settings, plan.kind)) plans.push(plan);
  }
  return plans;

  async function planFor(event: DomainEvent): Promise<NudgePlan | null> {
    if (!event.personId || !event.workflowId) return null;
    const person = await personOf(event.personId);
    if (!person?.active) return null;
    const zone = timeZoneOf(person, tenant);
    switch (event.type) {
      case 'session.rated': {
        const rating = number(event.data.meanRating);
        if (rating === null || rating >= LOW_RATING_THRESHOLD || !event.sessionId) return null;
        const runAt = nextWorkingDayStart(event.occurredAt, zone, hours);
        return {
          kind: 'low_rating_follow_up',
          personId: person.id,
          key: `low_rating_follow_up:${event.sessionId}`,
          runAt,
          expiresAt: new Date(runAt.getTime() + 2 * DAY_MS),
          data: { sessionId: event.sessionId, workflowId: event.workflowId },
        };
      }
      case 'session.completed': {
        const runs = await completionsUpTo(store, tenant.id, person.id, event);
        if (!RUNS_BEFORE_HABIT.includes(runs)) return null;
        const runAt = nextWeekStart(event.occurredAt, zone, hours);
        return {
          kind: 'toward_l2',
          personId: person.id,
          key: `toward_l2:${person.id}:${event.workflowId}:${runs}`,
          runAt,
          expiresAt: new Date(runAt.getTime() + 5 * DAY_MS),
          data: { workflowId: event.workflowId, runs },
        };
      }
      case 'workflow.reused': {
        const authorId = text(event.data.authorId);
        const author = authorId ? await personOf(authorId) : null;
        if (!author?.active) return null;
        const week = weekKey(event.occurredAt, timeZoneOf(author, tenant));
        return {
          kind: 'author_reuse',
          personId: author.id,
          key: `author_reuse:${event.workflowId}:${week}`,
          runAt: event.occurredAt,
          expiresAt: new Date(event.occurredAt.getTime() + 3 * DAY_MS),
          data: { workflowId: event.workflowId, week },
        };
      }
      default:
        return null;
    }
  }
}

/** How many times the person had completed this workflow when `event` happened (itself included). */
export async function completionsUpTo(
  store: Store,
  tenantId: string,
  personId: string,
  event: { workflowId: string | null; occurredAt: Date },
): Promise<number> {
  const completions = await store.events.listEvidence(tenantId, { personIds: [personId], workflowIds: [] }, [
    'session.completed',
  ]);
  return completions.filter(
    (completion) =>
      completion.personId === personId &&
      completion.workflowId === event.workflowId &&
      completion.occurredAt.getTime() <= event.occurredAt.getTime(),
  ).length;
}

/**
 * Daily: for everyone holding L2 or more, a warning when a level would lapse within LAPSE_NOTICE_DAYS unless
 * the skill area becomes active again (the lapse rules of core/proficiency, through core/coaching).
 */
export async function planLapseWarnings(options: {
  store: Store;
  tenant: Tenant;
  now: Date;
}): Promise<NudgePlan[]> {
  const { store, tenant, now } = options;
  if (!tenantSendsNudge(tenant.settings, 'lapse_warning')) return [];
  const plans: NudgePlan[] = [];
  for (const personId of await store.levels.listPeopleAtOrAbove(tenant.id, 2)) {
    const person = await store.people.get(tenant.id, personId);
    if (!person?.active) continue;
    const timeZone = timeZoneOf(person, tenant);
    const lapses = await comingLapses({
      store,
      tenantId: tenant.id,
      personId,
      now,
      settings: tenant.settings,
      timeZone,
    });
    for (const lapse of lapses) {
      const lapsesAt = new Date(`${lapse.lapsesOn}T00:00:00Z`);
      if (lapsesAt.getTime() - now.getTime() > LAPSE_NOTICE_DAYS * DAY_MS) continue;
      plans.push({
        kind: 'lapse_warning',
        personId,
        key: `lapse_warning:${personId}:${lapse.skillArea}:${lapse.lapsesOn}`,
        runAt: now,
        expiresAt: lapsesAt,
        data: { skillArea: lapse.skillArea, level: lapse.level, lapsesOn: lapse.lapsesOn },
      });
    }
  }
  return plans;
}
