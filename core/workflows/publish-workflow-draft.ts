import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { workflowToManage } from './manage-workflow';
import { publishWorkflow } from './publish-workflow';
import { checkWorkflowDefinition, type WorkflowCheck } from './validate-workflow-definition';
import type { Workflow, WorkflowVersion } from './workflow';
import type { WorkflowViewer } from './workflow-access';

type Options = { store: Store; viewer: WorkflowViewer; workflowId: string };

/** Every problem the stored draft has, as publishing would find them (the tenant's skill areas included). */
export async function validateWorkflowDraft(options: Options): Promise<WorkflowCheck> {
  const { store, viewer } = options;
  const workflow = await workflowToManage(store, viewer, options.workflowId);
  const draft = await store.workflows.getDraft(workflow.tenantId, workflow.id);
  if (!draft) throw noDraft();
  const tenant = await store.tenants.get(workflow.tenantId);
  return checkWorkflowDefinition(draft.definition, {
    skillAreaIds: tenant?.settings.skillAreas.map((area) => area.id) ?? [],
  });
}

/**
 * Publishes the draft as the workflow's next immutable version through publishWorkflow (the same checks,
 * `workflow.published` event and xAPI `author` statement as every publish): new sessions start on it,
 * running ones keep the version they pinned. The draft is dropped and an audit entry written in the same
 * transaction; a draft saved again meanwhile is not published over (conflict).
 */
export async function publishWorkflowDraft(
  options: Options & { clock: Clock; ids: Ids },
): Promise<{ workflow: Workflow; version: WorkflowVersion }> {
  const { store, viewer, clock, ids } = options;
  const workflow = await workflowToManage(store, viewer, options.workflowId);
  const draft = await store.workflows.getDraft(workflow.tenantId, workflow.id);
  if (!draft) throw noDraft();
  return publishWorkflow({
    store,
    clock,
    ids,
    tenantId: workflow.tenantId,
    authorId: workflow.authorId,
    publishedBy: viewer.person.id,
    workflowId: workflow.id,
    definition: draft.definition,
    onPublished: async (tx, published) => {
      const current = await tx.workflows.getDraft(workflow.tenantId, workflow.id);
      if (current?.updatedAt.getTime() !== draft.updatedAt.getTime())
        throw new AppError('conflict', 'The draft changed while it was being published; publish again.');
      await tx.workflows.deleteDraft(workflow.tenantId, workflow.id);
      await tx.audit.append({
        id: ids.uuid(),
        tenantId: workflow.tenantId,
        actorId: viewer.person.id,
        action: 'workflow.published',
        subjectPersonId: null,
        details: {
          workflowId: workflow.id,
          versionNumber: published.version.versionNumber,
          authorId: workflow.authorId,
        },
        at: clock.now(),
      });
    },
  });
}

function noDraft(): AppError {
  return new AppError('invalid_input', 'This workflow has no draft; save one first.');
}
