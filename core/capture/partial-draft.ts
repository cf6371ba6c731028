import type { CaptureInterview } from './interview';
import { buildTemplateDraft } from './template-draft';

/**
 * What the draft holds while the interview is under way: only the parts the answers so far decide, so the
 * tab shows an honest, incomplete draft (it fails validation until the interview or the author completes it).
 */
export function partialDraft(
  answers: CaptureInterview['answers'],
  skillArea: string,
): Record<string, unknown> {
  const full: Record<string, unknown> = { ...buildTemplateDraft(answers, skillArea) };
  if (answers.material === undefined) delete full.inputs;
  if (answers.steps === undefined) delete full.steps;
  if (answers.goodResult === undefined) delete full.rubric;
  if (answers.manualMinutes === undefined) delete full.manualMinutes;
  return full;
}
