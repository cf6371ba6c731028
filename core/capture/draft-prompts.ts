import type { WorkflowDefinitionDraft } from '../workflows';
import { CAPTURE_QUESTIONS, type CaptureInterview, type CaptureQuestionId } from './interview';

const LABELS: Record<CaptureQuestionId, string> = {
  task: 'The task',
  audience: 'Who it is for',
  material: 'The material they start from (one per line)',
  steps: 'The steps they take (one per line)',
  prompts: 'The prompts they use with their AI tool',
  goodResult: 'What a good result gets right (one per line)',
  manualMinutes: 'Minutes it takes by hand',
  example: 'An example of a finished result',
};

function interviewTranscript(answers: CaptureInterview['answers']): string {
  return CAPTURE_QUESTIONS.filter((question) => answers[question])
    .map((question) => `## ${LABELS[question]}\n${answers[question]}`)
    .join('\n\n');
}

/**
 * What the model is asked in LLM mode: the author's answers and the draft built from them, to be returned
 * improved as one JSON object in the workflow format.
 */
export function llmDraftPrompt(
  answers: CaptureInterview['answers'],
  templateDraft: WorkflowDefinitionDraft,
): string {
  return [
    'A senior colleague described how they do a piece of work. Turn it into a guided workflow for colleagues.',
    'Reply with ONE JSON object only, in exactly the format of the starting draft below. Rules:',
    '- steps: kinds "input" (inputNames), "generate" (prompt), "verify" (checklist), "deliverable" (template, last step).',
    '- every input is asked for by exactly one input step before any prompt uses it.',
    '- prompts and the deliverable template use only {{input.<name>}} and {{step.<generate step id>.output}} of earlier steps.',
    '- a rubric of 3 to 5 criteria; keep skillArea and manualMinutes as given; ids start with a lower-case letter.',
    '- write prompts the author would use: specific to the task, with the material bound by placeholders.',
    '',
    '# What the author said',
    interviewTranscript(answers),
    '',
    '# Starting draft',
    JSON.stringify(templateDraft, null, 2),
  ].join('\n');
}

/** What bring-your-own-AI mode offers the author: the same request, to run in their own AI tool. */
export function byoImprovementPrompt(
  answers: CaptureInterview['answers'],
  templateDraft: WorkflowDefinitionDraft,
): string {
  return llmDraftPrompt(answers, templateDraft);
}

/** The JSON object in a model's reply (it may wrap it in a code fence or a sentence), or null. */
export function parseDraftReply(reply: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(reply);
  const body = fenced?.[1] ?? reply;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const parsed: unknown = JSON.parse(body.slice(start, end + 1));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null; // not JSON: the caller falls back to the draft built from the answers
  }
}
