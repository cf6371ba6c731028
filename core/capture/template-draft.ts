import type { WorkflowDefinitionDraft } from '../workflows';
import { answerLines, MAX_AUTHOR_STEPS, type CaptureInterview } from './interview';

type Answers = CaptureInterview['answers'];

/** A workflow identifier from free text: "Last month's commentary" → "lastMonthsCommentary". */
export function identifierFrom(text: string, fallback: string, taken: Set<string>): string {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, '')
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 4);
  const joined = words
    .map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
  let base = /^[a-z]/.test(joined) ? joined.slice(0, 32) : fallback;
  if (base === '') base = fallback;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/**
 * The draft built from the answers alone (bring-your-own-AI mode, or when the model's draft is unusable):
 * one input per kind of material, one generate step per step the author named (their own prompts where they
 * gave them, each bound to the material), a verify step and a rubric from what a good result gets right, and a
 * deliverable assembled from the last generated text.
 */
export function buildTemplateDraft(answers: Answers, skillArea: string): WorkflowDefinitionDraft {
  const task = answers.task?.trim() ?? 'Captured workflow';
  const audience = answers.audience?.trim() ?? '';
  const inputNames = new Set<string>();
  const materials = answerLines(answers.material);
  const inputs = (materials.length > 0 ? materials : ['Your material']).map((label, index) => ({
    name: identifierFrom(label, `material${index + 1}`, inputNames),
    label: clip(label, 120),
    description: clip(`Paste or attach: ${label}`, 1_000),
  }));
  const materialBlock = inputs.map((input) => `${input.label}:\n{{input.${input.name}}}`).join('\n\n');

  const authorSteps = answerLines(answers.steps).slice(0, MAX_AUTHOR_STEPS);
  const stepTitles = authorSteps.length > 0 ? authorSteps : [task];
  const prompts = (answers.prompts ?? '')
    .split(/\n\s*\n/)
    .map((prompt) => prompt.trim())
    .filter((prompt) => prompt !== '');
  const stepIds = new Set<string>(['gather', 'check', 'deliver']);
  const generateSteps = stepTitles.map((title, index) => {
    const id = identifierFrom(title, `step${index + 1}`, stepIds);
    const previous = index > 0 ? `\n\nThe result of the previous step:\n{{step.PREVIOUS.output}}` : '';
    // Braces in pasted prompts would read as placeholders the workflow does not have.
    const ownPrompt = prompts[index]?.replace(/\{\{|\}\}/g, (pair) => pair[0]!);
    const prompt = ownPrompt
      ? `${ownPrompt}\n\n${materialBlock}${previous}`
      : `You are helping with this task: ${task.replace(/\{\{|\}\}/g, (pair) => pair[0]!)}.${audience ? ` It is for: ${audience}.` : ''}\nDo this step: ${title}.\n\n${materialBlock}${previous}`;
    return {
      id,
      kind: 'generate' as const,
      title: clip(title, 120),
      instructions: clip(`Generate, then read the result: ${title}`, 4_000),
      prompt,
    };
  });
  generateSteps.forEach((step, index) => {
    const before = generateSteps[index - 1];
    if (before) step.prompt = step.prompt.replace('{{step.PREVIOUS.output}}', `{{step.${before.id}.output}}`);
  });
  const lastGenerate = generateSteps.at(-1)!;
  const criteria = answerLines(answers.goodResult).slice(0, 5);
  const rubricIds = new Set<string>();
  const example = answers.example?.trim();
  return {
    title: clip(task, 120),
    summary: clip(audience ? `${task}. For ${audience}.` : task, 600),
    skillArea,
    suitedFor: { departments: [], jobTitles: [] },
    manualMinutes: Number(answers.manualMinutes ?? '60'),
    inputs,
    steps: [
      {
        id: 'gather',
        kind: 'input',
        title: 'Gather your material',
        instructions: clip(
          `Paste or attach what you start from: ${inputs.map((input) => input.label).join('; ')}.`,
          4_000,
        ),
        inputNames: inputs.map((input) => input.name),
      },
      ...generateSteps,
      {
        id: 'check',
        kind: 'verify',
        title: 'Check the result',
        instructions: 'Check the draft against what a good result gets right before you use it.',
        checklist:
          criteria.length > 0
            ? criteria.map((line) => clip(line, 300))
            : ['The result is correct and complete'],
      },
      {
        id: 'deliver',
        kind: 'deliverable',
        title: 'Your deliverable',
        instructions: example
          ? clip(`Compare it with the author's example of a finished result:\n\n${example}`, 4_000)
          : 'Copy the result into your document.',
        template: `{{step.${lastGenerate.id}.output}}`,
      },
    ],
    rubric: (criteria.length > 0 ? criteria : ['Correct and complete']).map((line, index) => ({
      id: identifierFrom(line, `criterion${index + 1}`, rubricIds),
      criterion: clip(line, 120),
      description: clip(line, 1_000),
    })),
  };
}
