import { AppError } from '../errors';
import type { Store, VersionUsage, WorkflowUsage } from '../ports';
import type { Workflow, WorkflowVersion } from './workflow';
import { mayManageWorkflow, mayReadWorkflow, type WorkflowViewer } from './workflow-access';

export type VersionSummary = {
  version: Pick<WorkflowVersion, 'id' | 'versionNumber' | 'publishedAt'>;
  usage: Omit<VersionUsage, 'workflowVersionId'>;
};

export type WorkflowView = {
  workflow: Workflow;
  authorName: string;
  /** The version new sessions start on (the latest published one); null for a workflow never published. */
  version: WorkflowVersion | null;
  usage: WorkflowUsage;
  /** For its author and admins: every version with how its sessions went, in counts only. */
  versions: VersionSummary[] | null;
  /** For its author and admins: whether a draft of the next version is waiting. */
  hasDraft: boolean | null;
};

const NO_USAGE = { completions: 0, colleagues: 0, medianMinutesSaved: null, meanRating: null };

/** One workflow as the library shows it; drafts and retired workflows only to those who manage them. */
export async function readWorkflow(options: {
  store: Store;
  viewer: WorkflowViewer;
  workflowId: string;
}): Promise<WorkflowView> {
  const { store, viewer } = options;
  const tenantId = viewer.person.tenantId;
  const workflow = await store.workflows.get(tenantId, options.workflowId);
  if (!workflow || !mayReadWorkflow(viewer, workflow))
    throw new AppError('not_found', 'There is no such workflow in your organisation.');
  const [author, version, allUsage] = await Promise.all([
    store.people.get(tenantId, workflow.authorId),
    workflow.latestVersionNumber > 0 ? store.workflows.latestVersion(tenantId, workflow.id) : null,
    store.sessions.usageByWorkflow(tenantId),
  ]);
  const usage = allUsage.find((entry) => entry.workflowId === workflow.id) ?? {
    workflowId: workflow.id,
    ...NO_USAGE,
  };
  const manages = mayManageWorkflow(viewer, workflow);
  return {
    workflow,
    authorName: author?.displayName ?? 'a colleague',
    version,
    usage,
    versions: manages ? await versionSummaries(store, tenantId, workflow.id) : null,
    hasDraft: manages ? (await store.workflows.getDraft(tenantId, workflow.id)) !== null : null,
  };
}

async function versionSummaries(store: Store, tenantId: string, workflowId: string) {
  const [versions, usage] = await Promise.all([
    store.workflows.listVersions(tenantId, workflowId),
    store.sessions.usageByVersion(tenantId, workflowId),
  ]);
  return versions.map((version): VersionSummary => {
    const figures = usage.find((entry) => entry.workflowVersionId === version.id);
    return {
      version: { id: version.id, versionNumber: version.versionNumber, publishedAt: version.publishedAt },
      usage: {
        started: figures?.started ?? 0,
        completed: figures?.completed ?? 0,
        abandoned: figures?.abandoned ?? 0,
        medianMinutesSaved: figures?.medianMinutesSaved ?? null,
        meanRating: figures?.meanRating ?? null,
      },
    };
  });
}
