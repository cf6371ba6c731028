import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { workflowToManage } from './manage-workflow';
import type { Workflow } from './workflow';
import type { WorkflowViewer } from './workflow-access';

/**
 * Takes a published workflow out of the library and the bot's suggestions and search. Sessions already
 * running keep their pinned version and can finish; publishing a new version brings it back. Retiring a
 * retired workflow changes nothing.
 */
export async function retireWorkflow(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: WorkflowViewer;
  workflowId: string;
}): Promise<Workflow> {
  const { store, clock, ids, viewer } = options;
  const workflow = await workflowToManage(store, viewer, options.workflowId);
  if (workflow.status === 'retired') return workflow;
  if (workflow.status !== 'published')
    throw new AppError('invalid_input', 'Only a published workflow can be retired; this one is a draft.');
  const now = clock.now();
  const retired: Workflow = { ...workflow, status: 'retired', updatedAt: now };
  await store.transaction(async (tx) => {
    await tx.workflows.save(retired, workflow.latestVersionNumber);
    await tx.events.append({
      id: ids.uuid(),
      tenantId: workflow.tenantId,
      type: 'workflow.retired',
      personId: workflow.authorId,
      sessionId: null,
      workflowId: workflow.id,
      occurredAt: now,
      data: { versionNumber: workflow.latestVersionNumber, skillArea: workflow.skillArea },
    });
    await tx.audit.append({
      id: ids.uuid(),
      tenantId: workflow.tenantId,
      actorId: viewer.person.id,
      action: 'workflow.retired',
      subjectPersonId: null,
      details: { workflowId: workflow.id, authorId: workflow.authorId },
      at: now,
    });
  });
  return retired;
}
