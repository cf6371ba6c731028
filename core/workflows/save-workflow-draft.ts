import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { workflowToManage } from './manage-workflow';
import type { Workflow, WorkflowDraft } from './workflow';
import { mayAuthor, type WorkflowViewer } from './workflow-access';

/** Largest draft an author may save, as JSON; a published definition is far smaller. */
export const MAX_DRAFT_CHARS = 256 * 1024;

type DraftOptions = { store: Store; clock: Clock; viewer: WorkflowViewer; definition: unknown };

/**
 * Starts a new workflow as a draft (authors and admins). The draft may be incomplete: it is checked when
 * validated or published. Until its first version is published only its author and admins see it.
 */
export async function createWorkflowDraft(
  options: DraftOptions & { ids: Ids },
): Promise<{ workflow: Workflow; draft: WorkflowDraft }> {
  const { store, viewer } = options;
  if (!mayAuthor(viewer)) throw new AppError('forbidden', 'Only authors and admins can write workflows.');
  checkDraftShape(options.definition);
  const now = options.clock.now();
  const workflow: Workflow = {
    id: options.ids.uuid(),
    tenantId: viewer.person.tenantId,
    authorId: viewer.person.id,
    ...listingFields(options.definition),
    status: 'draft',
    latestVersionNumber: 0,
    createdAt: now,
    updatedAt: now,
  };
  const draft = draftOf(workflow, options, now);
  await store.transaction(async (tx) => {
    await tx.workflows.save(workflow, null);
    await tx.workflows.saveDraft(draft);
  });
  return { workflow, draft };
}

/**
 * Replaces the draft of a workflow's next version (its author or an admin). An admin changing someone else's
 * workflow is an admin change, so that save is written to the audit log; an author's own saves are not.
 */
export async function saveWorkflowDraft(
  options: DraftOptions & { workflowId: string; ids: Ids },
): Promise<WorkflowDraft> {
  const { store, viewer } = options;
  checkDraftShape(options.definition);
  const workflow = await workflowToManage(store, viewer, options.workflowId);
  const now = options.clock.now();
  const draft = draftOf(workflow, options, now);
  await store.transaction(async (tx) => {
    // A workflow never published is listed for its author by the draft's title.
    if (workflow.status === 'draft')
      await tx.workflows.save({ ...workflow, ...listingFields(options.definition), updatedAt: now }, 0);
    await tx.workflows.saveDraft(draft);
    if (viewer.person.id !== workflow.authorId)
      await tx.audit.append({
        id: options.ids.uuid(),
        tenantId: workflow.tenantId,
        actorId: viewer.person.id,
        action: 'workflow.draft_saved',
        subjectPersonId: null,
        details: { workflowId: workflow.id, authorId: workflow.authorId },
        at: now,
      });
  });
  return draft;
}

/** The draft of a workflow's next version, or null when there is none (its author or an admin). */
export async function readWorkflowDraft(options: {
  store: Store;
  viewer: WorkflowViewer;
  workflowId: string;
}): Promise<{ workflow: Workflow; draft: WorkflowDraft | null }> {
  const workflow = await workflowToManage(options.store, options.viewer, options.workflowId);
  return { workflow, draft: await options.store.workflows.getDraft(workflow.tenantId, workflow.id) };
}

function draftOf(workflow: Workflow, options: DraftOptions, now: Date): WorkflowDraft {
  return {
    tenantId: workflow.tenantId,
    workflowId: workflow.id,
    definition: options.definition,
    updatedBy: options.viewer.person.id,
    updatedAt: now,
  };
}

function checkDraftShape(definition: unknown): void {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition))
    throw new AppError('invalid_input', 'definition must be a JSON object (the workflow as written so far)');
  if (JSON.stringify(definition).length > MAX_DRAFT_CHARS)
    throw new AppError(
      'payload_too_large',
      `The draft is larger than ${MAX_DRAFT_CHARS / 1024} KB; a workflow is much smaller.`,
    );
}

/** What the workflows table lists for a draft: its title, summary and skill area as written so far. */
function listingFields(definition: unknown): Pick<Workflow, 'title' | 'summary' | 'skillArea'> {
  const field = (name: string, max: number) => {
    const value = (definition as Record<string, unknown>)[name];
    return typeof value === 'string' ? value.trim().slice(0, max) : '';
  };
  return {
    title: field('title', 120) || 'Untitled workflow',
    summary: field('summary', 600),
    skillArea: field('skillArea', 40),
  };
}
