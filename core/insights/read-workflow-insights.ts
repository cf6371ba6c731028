import { MIN_GROUP_SIZE, type Viewer } from '../access';
import { AppError } from '../errors';
import { metricPeriod } from '../metrics/period';
import type { Clock, Store } from '../ports';
import { levelThresholdsOf } from '../proficiency/assess-person';
import { workflowInsights, type WorkflowInsightFigures } from './workflow-insights';

export type WorkflowInsightsView = {
  workflow: { id: string; title: string; status: string; skillArea: string; latestVersionNumber: number };
  period: { from: string; to: string; weeks: number; timeZone: string };
} & WorkflowInsightFigures;

/** Insights into one workflow for its author or an L&D admin; anyone else is refused. */
export async function readWorkflowInsights(options: {
  store: Store;
  clock: Clock;
  viewer: Viewer;
  workflowId: string;
  period: { from?: string; to?: string };
}): Promise<WorkflowInsightsView> {
  const { store, viewer, workflowId } = options;
  const tenantId = viewer.person.tenantId;
  const workflow = await store.workflows.get(tenantId, workflowId);
  if (!workflow) throw new AppError('not_found', 'There is no such workflow in your organisation.');
  if (workflow.authorId !== viewer.person.id && !viewer.roles.includes('admin'))
    throw new AppError('forbidden', 'Insights into a workflow are for its author and L&D admins.');
  const thresholds = levelThresholdsOf((await store.tenants.get(tenantId))?.settings);
  const period = metricPeriod({ ...options.period, now: options.clock.now(), timeZone: thresholds.timeZone });
  const [version, events] = await Promise.all([
    store.workflows.latestVersion(tenantId, workflowId),
    store.metrics.listWorkflowEvents(tenantId, workflowId),
  ]);
  const figures = workflowInsights({
    events,
    steps: (version?.definition.steps ?? []).map((step) => ({
      id: step.id,
      title: step.title,
      kind: step.kind,
    })),
    authorId: workflow.authorId,
    qualityBar: thresholds.qualityBar,
    period,
    minimumGroup: MIN_GROUP_SIZE,
  });
  const lastDay = new Date(Date.parse(`${period.weeks.at(-1)!}T00:00:00Z`) + 6 * 86_400_000);
  return {
    workflow: {
      id: workflow.id,
      title: workflow.title,
      status: workflow.status,
      skillArea: workflow.skillArea,
      latestVersionNumber: workflow.latestVersionNumber,
    },
    period: {
      from: period.weeks[0]!,
      to: lastDay.toISOString().slice(0, 10),
      weeks: period.weeks.length,
      timeZone: period.timeZone,
    },
    ...figures,
  };
}
