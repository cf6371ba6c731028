import type { LlmMessage } from '../llm';
import { fillTemplate, type GenerateStep, type WorkflowDefinition } from '../workflows';
import type { Session } from './session';

function templateValues(session: Session): {
  inputs: Record<string, string>;
  stepOutputs: Record<string, string>;
} {
  const inputs: Record<string, string> = {};
  const stepOutputs: Record<string, string> = {};
  for (const step of session.steps) {
    Object.assign(inputs, step.inputs);
    if (step.output !== null) stepOutputs[step.stepId] = step.output;
  }
  return { inputs, stepOutputs };
}

/** The author's prompt filled with this session's inputs and earlier outputs: all the model ever sees. */
export function composePrompt(session: Session, step: GenerateStep, note: string | null = null): string {
  const prompt = fillTemplate(step.prompt, templateValues(session));
  if (!note) return prompt;
  const previous = session.steps
    .find((record) => record.stepId === step.id)
    ?.attempts.findLast((attempt) => attempt.text)?.text;
  return [
    prompt,
    previous ? `\n\nYour previous answer was:\n${previous}` : '',
    `\n\nRevise it with this feedback from the person you are helping: ${note}`,
  ].join('');
}

export function promptMessages(
  session: Session,
  step: GenerateStep,
  note: string | null = null,
): LlmMessage[] {
  return [
    {
      role: 'system',
      content:
        'You are helping an employee do real work with a workflow written by an experienced colleague. Follow the instructions exactly, use only the material provided, and say plainly when something needed is missing instead of inventing it.',
    },
    { role: 'user', content: composePrompt(session, step, note) },
  ];
}

export function assembleDeliverable(session: Session, definition: WorkflowDefinition): string {
  const last = definition.steps.at(-1);
  if (last?.kind !== 'deliverable') return '';
  return fillTemplate(last.template, templateValues(session)).trim();
}
