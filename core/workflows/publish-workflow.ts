import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { validateWorkflowDefinition } from './validate-workflow-definition';
import type { Workflow, WorkflowVersion } from './workflow';

export type PublishWorkflowOptions = {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  authorId: string;
  /** Omitted for a new workflow; given to publish the next version of an existing one. */
  workflowId?: string;
  definition: unknown;
  /** Who publishes when it is not the author (an admin); recorded on the version. */
  publishedBy?: string;
  /** Runs inside the publishing transaction, after the version and its event are written. */
  onPublished?: (tx: Store, published: { workflow: Workflow; version: WorkflowVersion }) => Promise<void>;
};

/** Validates a definition and publishes it as the next immutable version, recording a domain event. */
export async function publishWorkflow(
  options: PublishWorkflowOptions,
): Promise<{ workflow: Workflow; version: WorkflowVersion }> {
  const { store, clock, ids, tenantId, authorId } = options;
  const tenant = await store.tenants.get(tenantId);
  if (!tenant) throw new AppError('tenant_not_allowed', `Tenant ${tenantId} is not set up for Practica`);
  const definition = validateWorkflowDefinition(options.definition, {
    skillAreaIds: tenant.settings.skillAreas.map((area) => area.id),
  });
  const now = clock.now();

  return store.transaction(async (tx) => {
    const existing = options.workflowId ? await tx.workflows.get(tenantId, options.workflowId) : null;
    if (options.workflowId && !existing) throw new AppError('not_found', 'That workflow does not exist');
    if (existing && existing.authorId !== authorId) {
      throw new AppError('forbidden', 'Only the author can publish a new version of this workflow');
    }
    const workflow: Workflow = {
      id: existing?.id ?? ids.uuid(),
      tenantId,
      authorId,
      title: definition.title,
      summary: definition.summary,
      skillArea: definition.skillArea,
      status: 'published',
      latestVersionNumber: (existing?.latestVersionNumber ?? 0) + 1,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const version: WorkflowVersion = {
      id: ids.uuid(),
      tenantId,
      workflowId: workflow.id,
      versionNumber: workflow.latestVersionNumber,
      trial: false,
      definition,
      publishedAt: now,
      publishedBy: options.publishedBy ?? authorId,
    };
    await tx.workflows.save(workflow, existing ? existing.latestVersionNumber : null);
    await tx.workflows.addVersion(version);
    await tx.events.append({
      id: ids.uuid(),
      tenantId,
      type: 'workflow.published',
      personId: authorId,
      sessionId: null,
      workflowId: workflow.id,
      occurredAt: now,
      data: { versionId: version.id, versionNumber: version.versionNumber, skillArea: definition.skillArea },
    });
    await options.onPublished?.(tx, { workflow, version });
    return { workflow, version };
  });
}
