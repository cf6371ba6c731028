import type { Person } from '../people';
import { DAY_MS, type Store } from '../ports';
import { weekKey } from '../proficiency';
import type { Tenant } from '../tenants';
import type { NudgeKind } from './nudge-kind';
import type { NudgePlan } from './nudge-plan';
import { nextWorkingTime } from './local-time';
import { nudgeRulesOf, tenantSendsNudge } from './nudge-settings';
import type { NudgeStore } from './nudge-store';
import { timeZoneOf } from './plan-nudges';

/**
 * A weekly digest per person, planned daily so it goes out on the first allowed day. It is keyed by the local
 * week of the moment it can go out (a weekend's planning counts for the coming week), so it is sent once a week.
 */
function weeklyPlans(kind: NudgeKind, recipients: Person[], tenant: Tenant, now: Date): NudgePlan[] {
  const hours = nudgeRulesOf(tenant.settings).workingHours;
  return recipients.map((person) => {
    const zone = timeZoneOf(person, tenant);
    const runAt = nextWorkingTime(now, zone, hours);
    return {
      kind,
      personId: person.id,
      key: `${kind}:${person.id}:${weekKey(runAt, zone)}`,
      runAt,
      expiresAt: new Date(runAt.getTime() + 3 * DAY_MS),
      data: {},
    };
  });
}

/** Daily: each active manager's weekly digest. */
export async function planManagerDigests(options: {
  store: Store;
  tenant: Tenant;
  now: Date;
}): Promise<NudgePlan[]> {
  const { store, tenant, now } = options;
  if (!tenantSendsNudge(tenant.settings, 'manager_digest')) return [];
  const people = (await store.people.list(tenant.id)).filter((person) => person.active);
  const managerIds = new Set(people.flatMap((person) => (person.managerId ? [person.managerId] : [])));
  return weeklyPlans(
    'manager_digest',
    people.filter((person) => managerIds.has(person.id)),
    tenant,
    now,
  );
}

/** Daily: the department digest for each active person with a department who asked for it. */
export async function planDepartmentDigests(options: {
  store: Store;
  nudges: NudgeStore;
  tenant: Tenant;
  now: Date;
}): Promise<NudgePlan[]> {
  const { store, nudges, tenant, now } = options;
  if (!tenantSendsNudge(tenant.settings, 'social_proof')) return [];
  const chosen = new Set(await nudges.peopleWhoChose(tenant.id, 'social_proof'));
  if (chosen.size === 0) return [];
  const recipients = (await store.people.list(tenant.id)).filter(
    (person) => person.active && person.department && chosen.has(person.id),
  );
  return weeklyPlans('social_proof', recipients, tenant, now);
}

/** Daily: the weekly summary for each active author of a published workflow. */
export async function planAuthorSummaries(options: {
  store: Store;
  tenant: Tenant;
  now: Date;
}): Promise<NudgePlan[]> {
  const { store, tenant, now } = options;
  if (!tenantSendsNudge(tenant.settings, 'author_summary')) return [];
  const authorIds = new Set(
    (await store.workflows.listPublished(tenant.id)).map((workflow) => workflow.authorId),
  );
  const authors = (await store.people.list(tenant.id)).filter(
    (person) => person.active && authorIds.has(person.id),
  );
  return weeklyPlans('author_summary', authors, tenant, now);
}
