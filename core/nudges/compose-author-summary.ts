import { MIN_GROUP_SIZE } from '../access';
import { workflowInsights } from '../insights';
import type { Person } from '../people';
import { DAY_MS, type Store } from '../ports';
import { levelThresholdsOf } from '../proficiency';
import type { Tenant } from '../tenants';
import type { NudgeMessage } from './nudge-message';

type AuthorSummary = Extract<NudgeMessage, { kind: 'author_summary' }>;

/**
 * The author's weekly summary: for each of their published workflows someone ran in the 7 days before `now`,
 * adoption, the mean score and the "what broke" notes per step (core/insights, with its rule that scores and
 * notes are withheld below the minimum group size). Null when nobody ran any of them.
 */
export async function composeAuthorSummary(options: {
  store: Store;
  tenant: Tenant;
  person: Person;
  now: Date;
}): Promise<AuthorSummary | null> {
  const { store, tenant, person, now } = options;
  const qualityBar = levelThresholdsOf(tenant.settings).qualityBar;
  const period = { start: new Date(now.getTime() - 7 * DAY_MS), end: now };
  const workflows: AuthorSummary['workflows'] = [];
  const authored = (await store.workflows.listPublished(tenant.id)).filter(
    (workflow) => workflow.authorId === person.id,
  );
  for (const workflow of authored) {
    const [version, events] = await Promise.all([
      store.workflows.latestVersion(tenant.id, workflow.id),
      store.metrics.listWorkflowEvents(tenant.id, workflow.id),
    ]);
    const figures = workflowInsights({
      events,
      steps: (version?.definition.steps ?? []).map(({ id, title, kind }) => ({ id, title, kind })),
      authorId: workflow.authorId,
      qualityBar,
      period,
      minimumGroup: MIN_GROUP_SIZE,
    });
    const { adoption } = figures;
    if (adoption.sessionsStarted === 0 && adoption.sessionsCompleted === 0) continue;
    const general = figures.whatBrokeGeneral;
    workflows.push({
      workflowId: workflow.id,
      workflowTitle: workflow.title,
      started: adoption.sessionsStarted,
      completed: adoption.sessionsCompleted,
      colleaguesCompleted: adoption.colleaguesCompleted,
      meanScore: figures.quality?.meanScore ?? null,
      withheld: figures.withheld !== null,
      whatBroke: [
        ...figures.steps
          .filter((step) => step.whatBrokeCount > 0)
          .map((step) => ({ stepTitle: step.title, count: step.whatBrokeCount, notes: step.whatBroke })),
        ...(general && general.length > 0
          ? [{ stepTitle: null, count: general.length, notes: general }]
          : []),
      ],
    });
  }
  workflows.sort((a, b) => b.completed - a.completed || a.workflowTitle.localeCompare(b.workflowTitle));
  return workflows.length > 0 ? { kind: 'author_summary', workflows } : null;
}
