import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { createWorkflowDraft, mayAuthor, saveWorkflowDraft, type WorkflowViewer } from '../workflows';
import {
  abandonInterview,
  answerQuestion,
  beginDrafting,
  currentQuestion,
  finishDrafting,
  startInterview,
  type CaptureInterview,
} from './interview';
import { partialDraft } from './partial-draft';
import { buildTemplateDraft } from './template-draft';

export const CAPTURE_DRAFT_JOB = 'capture.draft';
/** How long the author waits for the model's draft before "capture my workflow" settles for the answers' draft. */
export const DRAFTING_PATIENCE_MS = 15 * 60_000;

type Deps = { store: Store; clock: Clock; ids: Ids; viewer: WorkflowViewer };

/**
 * The author's interview still under way (touched, so typed text goes to it rather than to a session), or a
 * new one. Authors and admins only. A draft the model has not delivered in DRAFTING_PATIENCE_MS is settled
 * with the draft built from the answers, so a model that keeps failing never leaves the author stuck.
 */
export async function startOrResumeCapture(
  deps: Deps,
): Promise<{ interview: CaptureInterview; resumed: boolean }> {
  const { store, viewer } = deps;
  if (!mayAuthor(viewer))
    throw new AppError(
      'forbidden',
      'Capturing a workflow is for authors; ask your admin for the author role.',
    );
  const open = await store.captureInterviews.findOpenForAuthor(viewer.person.tenantId, viewer.person.id);
  if (open?.status === 'drafting') return { interview: await settleStaleDrafting(deps, open), resumed: true };
  if (open) {
    const touched = { ...open, version: open.version + 1, updatedAt: deps.clock.now() };
    if (!(await store.captureInterviews.compareAndSet(touched)))
      throw new AppError(
        'conflict',
        'The interview changed at the same moment; type **capture my workflow** again.',
      );
    return { interview: touched, resumed: true };
  }
  const interview = startInterview({
    id: deps.ids.uuid(),
    tenantId: viewer.person.tenantId,
    authorId: viewer.person.id,
    now: deps.clock.now(),
  });
  await store.captureInterviews.create(interview);
  return { interview, resumed: false };
}

/** The tenant's skill area a captured draft starts in (the author changes it in the tab). */
async function defaultSkillArea(store: Store, tenantId: string): Promise<{ id: string; ids: string[] }> {
  const tenant = await store.tenants.get(tenantId);
  const ids = tenant?.settings.skillAreas.map((area) => area.id) ?? [];
  return { id: ids[0] ?? 'general', ids };
}

/**
 * Takes the answer to the current question. The first answer creates the workflow draft; every answer
 * updates it with what is known so far, so an interview left midway is a draft the author can resume here
 * or finish in the tab. After the last answer: in bring-your-own-AI mode the draft is built from the answers
 * at once; with a model, a job is queued (in the same transaction) to write it.
 */
export async function answerCapture(
  deps: Deps & { interview: CaptureInterview; answer: string; llmAvailable: boolean; activityId?: string },
): Promise<CaptureInterview | 'duplicate'> {
  const { store, clock, ids, viewer } = deps;
  const now = clock.now();
  let next = answerQuestion(deps.interview, deps.answer, now);
  const skillArea = await defaultSkillArea(store, next.tenantId);
  const complete = currentQuestion(next) === null;
  return store.transaction(async (tx) => {
    if (deps.activityId && !(await tx.processedActivities.markProcessed(next.tenantId, deps.activityId, now)))
      return 'duplicate';
    const inner = { store: tx, clock, ids, viewer };
    const definition =
      complete && !deps.llmAvailable
        ? buildTemplateDraft(next.answers, skillArea.id)
        : partialDraft(next.answers, skillArea.id);
    if (next.workflowId === null) {
      const created = await createWorkflowDraft({ ...inner, definition });
      next = { ...next, workflowId: created.workflow.id };
    } else {
      await saveWorkflowDraft({ ...inner, workflowId: next.workflowId, definition });
    }
    if (complete) {
      next = beginDrafting(next, now);
      // Two version steps (the answer, then drafting) written as one: the stored row is still the one we read.
      next = { ...next, version: deps.interview.version + 1 };
      if (deps.llmAvailable) {
        await tx.jobs.enqueue({
          tenantId: next.tenantId,
          kind: CAPTURE_DRAFT_JOB,
          payload: { interviewId: next.id },
          runAt: now,
          uniqueKey: `capture:${next.id}`,
        });
      } else {
        next = { ...finishDrafting(next, 'template', now), version: deps.interview.version + 1 };
      }
    }
    if (!(await tx.captureInterviews.compareAndSet(next)))
      throw new AppError(
        'conflict',
        'That answer crossed with another one; here is where the interview stands.',
      );
    return next;
  });
}

/** Stops the interview; the draft made so far stays for the author to finish in the tab. */
export async function abandonCapture(deps: {
  store: Store;
  clock: Clock;
  interview: CaptureInterview;
}): Promise<void> {
  const abandoned = abandonInterview(deps.interview, deps.clock.now());
  if (!(await deps.store.captureInterviews.compareAndSet(abandoned)))
    throw new AppError('conflict', 'The interview changed at the same moment; try again.');
}

async function settleStaleDrafting(deps: Deps, interview: CaptureInterview): Promise<CaptureInterview> {
  const now = deps.clock.now();
  const workflowId = interview.workflowId;
  if (now.getTime() - interview.updatedAt.getTime() < DRAFTING_PATIENCE_MS || !workflowId) return interview;
  const skillArea = await defaultSkillArea(deps.store, interview.tenantId);
  const settled = finishDrafting(interview, 'template', now);
  return deps.store.transaction(async (tx) => {
    // The job may have delivered meanwhile: then its draft stands and this one is not written.
    if (!(await tx.captureInterviews.compareAndSet(settled)))
      return (await tx.captureInterviews.get(interview.tenantId, interview.id)) ?? interview;
    await saveWorkflowDraft({
      store: tx,
      clock: deps.clock,
      ids: deps.ids,
      viewer: deps.viewer,
      workflowId,
      definition: buildTemplateDraft(interview.answers, skillArea.id),
    });
    return settled;
  });
}
