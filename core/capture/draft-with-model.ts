import { PermanentJobError } from '../jobs';
import type { LlmClient } from '../llm';
import { effectiveRoles } from '../people';
import type { Clock, Ids, Store } from '../ports';
import { mayAuthor, saveWorkflowDraft, type WorkflowProblem } from '../workflows';
import { chooseDraft } from './choose-draft';
import { llmDraftPrompt, parseDraftReply } from './draft-prompts';
import { finishDrafting, type CaptureInterview } from './interview';
import { buildTemplateDraft } from './template-draft';

export type CaptureDraftResult =
  | {
      kind: 'drafted';
      interview: CaptureInterview;
      source: 'llm' | 'template';
      modelProblems: WorkflowProblem[];
    }
  | { kind: 'not-needed' };

/**
 * The capture job's work, outside any Teams turn: asks the model to turn the answers into a workflow, keeps
 * its draft if it passes the editor's validation (else the draft built from the answers), saves it through
 * saveWorkflowDraft as the author and marks the interview drafted. A model failure is thrown for the job to
 * retry; nothing is published.
 */
export async function draftCaptureWithModel(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  llm: LlmClient;
  tenantId: string;
  interviewId: string;
  signal?: AbortSignal;
}): Promise<CaptureDraftResult> {
  const { store, clock, ids, tenantId } = options;
  const interview = await store.captureInterviews.get(tenantId, options.interviewId);
  const workflowId = interview?.workflowId;
  if (!interview || interview.status !== 'drafting' || !workflowId) return { kind: 'not-needed' };
  const author = await store.people.get(tenantId, interview.authorId);
  if (!author) throw new PermanentJobError('the author of the capture is gone');
  const viewer = {
    person: author,
    roles: effectiveRoles({
      storedRoles: author.roles,
      tokenAppRoles: [],
      upn: author.email,
      managesSomeone: false,
    }),
  };
  // Checked before the model runs: without the role the draft could not be saved, however often it is retried.
  if (!mayAuthor(viewer))
    throw new PermanentJobError('the author of the capture no longer holds the author role');
  const tenant = await store.tenants.get(tenantId);
  const skillAreaIds = tenant?.settings.skillAreas.map((area) => area.id) ?? [];
  const templateDraft = buildTemplateDraft(interview.answers, skillAreaIds[0] ?? 'general');
  const reply = await options.llm.complete({
    messages: [
      {
        role: 'system',
        content: "You turn a senior colleague's description of their work into a Practica workflow in JSON.",
      },
      { role: 'user', content: llmDraftPrompt(interview.answers, templateDraft) },
    ],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const chosen = chooseDraft({ modelDraft: parseDraftReply(reply.text), templateDraft, skillAreaIds });
  const now = clock.now();
  const drafted = finishDrafting(interview, chosen.source, now);
  await store.transaction(async (tx) => {
    await saveWorkflowDraft({
      store: tx,
      clock,
      ids,
      viewer,
      workflowId,
      definition: chosen.definition,
    });
    if (!(await tx.captureInterviews.compareAndSet(drafted)))
      throw new PermanentJobError('the capture interview changed while its draft was being written');
  });
  return { kind: 'drafted', interview: drafted, source: chosen.source, modelProblems: chosen.modelProblems };
}
