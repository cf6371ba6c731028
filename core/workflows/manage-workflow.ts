import { AppError } from '../errors';
import type { Store } from '../ports';
import type { Workflow } from './workflow';
import { mayManageWorkflow, mayReadWorkflow, type WorkflowViewer } from './workflow-access';

/**
 * The workflow the viewer wants to change: not found when it does not exist in their tenant or they may not
 * even see it (someone else's draft), forbidden when they see it but it is not theirs to change.
 */
export async function workflowToManage(
  store: Store,
  viewer: WorkflowViewer,
  workflowId: string,
): Promise<Workflow> {
  const workflow = await store.workflows.get(viewer.person.tenantId, workflowId);
  if (!workflow || !mayReadWorkflow(viewer, workflow))
    throw new AppError('not_found', 'There is no such workflow in your organisation.');
  if (!mayManageWorkflow(viewer, workflow))
    throw new AppError('forbidden', 'Only the workflow’s author or an admin can change it.');
  return workflow;
}
