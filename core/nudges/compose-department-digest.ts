import { mayShowGroupFigure } from '../access';
import { POPULAR_MIN_ADOPTERS } from '../coaching';
import type { Person } from '../people';
import { DAY_MS, type Store } from '../ports';
import type { Tenant } from '../tenants';
import type { NudgeMessage } from './nudge-message';
import type { NudgeStore } from './nudge-store';

/** A self-rating this high (of 5) is "rated highly" for the department digest. */
export const HIGH_RATING = 4;
const WORKFLOWS_SHOWN = 3;

const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The department digest: published workflows that colleagues in the person's department (themselves left
 * out) completed and rated highly in the 7 days before `now`. A workflow is named once at least
 * POPULAR_MIN_ADOPTERS colleagues did so; how many, and the time they saved, only for a group of the minimum
 * size (DESIGN section 6). Null when there is nothing to tell.
 */
export async function composeDepartmentDigest(options: {
  store: Store;
  nudges: NudgeStore;
  tenant: Tenant;
  person: Person;
  now: Date;
}): Promise<Extract<NudgeMessage, { kind: 'social_proof' }> | null> {
  const { store, nudges, tenant, person, now } = options;
  const department = person.department;
  if (!department) return null;
  const colleagues = new Set(
    (await store.people.list(tenant.id))
      .filter((other) => other.active && other.department === department && other.id !== person.id)
      .map((other) => other.id),
  );
  const ratings = await nudges.eventsBetween(
    tenant.id,
    ['session.rated'],
    new Date(now.getTime() - 7 * DAY_MS),
    now,
  );
  // Per workflow, per colleague: minutes saved on their highly rated runs.
  const byWorkflow = new Map<string, Map<string, number>>();
  for (const event of ratings) {
    if (!event.workflowId || !event.personId || !colleagues.has(event.personId)) continue;
    if ((number(event.data.meanRating) ?? 0) < HIGH_RATING) continue;
    const saved = (number(event.data.manualMinutes) ?? 0) - (number(event.data.minutesTaken) ?? 0);
    const people = byWorkflow.get(event.workflowId) ?? new Map<string, number>();
    people.set(event.personId, (people.get(event.personId) ?? 0) + saved);
    byWorkflow.set(event.workflowId, people);
  }
  const ranked = [...byWorkflow.entries()]
    .filter(([, people]) => people.size >= POPULAR_MIN_ADOPTERS)
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
  const workflows: Extract<NudgeMessage, { kind: 'social_proof' }>['workflows'] = [];
  for (const [workflowId, people] of ranked) {
    if (workflows.length === WORKFLOWS_SHOWN) break;
    const workflow = await store.workflows.get(tenant.id, workflowId);
    if (workflow?.status !== 'published') continue;
    const shown = mayShowGroupFigure(people.size);
    const savedEach = [...people.values()].reduce((sum, minutes) => sum + minutes, 0) / people.size / 60;
    workflows.push({
      workflowId,
      workflowTitle: workflow.title,
      people: shown ? people.size : null,
      hoursSavedEach: shown && savedEach > 0 ? Math.round(savedEach * 10) / 10 : null,
    });
  }
  return workflows.length > 0 ? { kind: 'social_proof', department, workflows } : null;
}
