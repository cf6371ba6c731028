import type { Store } from '../ports';
import type { Workflow } from './workflow';
import type { WorkflowViewer } from './workflow-access';

/** An author's own workflows in every state, with whether a draft of the next version waits: their desk. */
export async function listMyWorkflows(options: {
  store: Store;
  viewer: WorkflowViewer;
}): Promise<{ workflow: Workflow; hasDraft: boolean }[]> {
  const { store, viewer } = options;
  const tenantId = viewer.person.tenantId;
  const mine = (await store.workflows.listAll(tenantId)).filter(
    (workflow) => workflow.authorId === viewer.person.id,
  );
  return Promise.all(
    mine.map(async (workflow) => ({
      workflow,
      hasDraft: (await store.workflows.getDraft(tenantId, workflow.id)) !== null,
    })),
  );
}
