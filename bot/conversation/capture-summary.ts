import {
  buildTemplateDraft,
  byoImprovementPrompt,
  checkWorkflowDefinition,
  type CaptureInterview,
  type Store,
  type WorkflowProblem,
} from '../../core';
import { captureSummaryCard } from '../cards';
import { cardMessage, type Outgoing } from './outgoing';

/**
 * The summary card for a drafted interview, built from the draft as saved (checked as the editor checks it),
 * with the bring-your-own-AI prompt when the draft was built from the answers without a model.
 */
export async function captureSummaryMessage(
  deps: { store: Store; workflowEditUrl: (workflowId: string) => string; llmAvailable: boolean },
  tenantId: string,
  interview: CaptureInterview,
  modelProblems: WorkflowProblem[] = [],
): Promise<Outgoing> {
  const workflowId = interview.workflowId ?? '';
  const [draft, tenant] = await Promise.all([
    deps.store.workflows.getDraft(tenantId, workflowId),
    deps.store.tenants.get(tenantId),
  ]);
  const skillAreaIds = tenant?.settings.skillAreas.map((area) => area.id) ?? [];
  const check = checkWorkflowDefinition(draft?.definition, { skillAreaIds });
  const title = (draft?.definition as { title?: unknown } | undefined)?.title;
  const byoPrompt =
    interview.draftedWith === 'template' && !deps.llmAvailable
      ? byoImprovementPrompt(
          interview.answers,
          buildTemplateDraft(interview.answers, skillAreaIds[0] ?? 'general'),
        )
      : null;
  const note =
    modelProblems.length > 0
      ? "The AI model's draft did not pass the editor's checks, so this draft is built from your answers instead."
      : undefined;
  return cardMessage(
    captureSummaryCard({
      workflowId,
      editUrl: deps.workflowEditUrl(workflowId),
      definition: check.valid ? check.definition : null,
      title: typeof title === 'string' ? title : 'Untitled workflow',
      problems: check.valid ? [] : check.problems,
      source: interview.draftedWith ?? 'template',
      byoPrompt,
      ...(note ? { note } : {}),
    }),
  );
}
