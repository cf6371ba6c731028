import { AppError, type AppErrorDetail } from '../errors';
import { findTemplateReferences, findUnknownPlaceholders } from './template';
import { workflowDefinitionSchema, type WorkflowDefinition, type WorkflowStep } from './workflow-definition';

/**
 * Parses an author's definition and checks what a schema cannot: unique ids, every input asked for once,
 * templates that only reference inputs already collected and generate steps that come earlier,
 * and a deliverable as the last step.
 * Throws AppError('invalid_workflow_definition') listing every problem with its path.
 */
export function validateWorkflowDefinition(
  candidate: unknown,
  options: { skillAreaIds?: string[] } = {},
): WorkflowDefinition {
  const parsed = workflowDefinitionSchema.safeParse(candidate);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(root)',
        message: issue.message,
      })),
    );
  }
  const definition = parsed.data;
  const problems = [...checkSkillArea(definition, options.skillAreaIds), ...checkStructure(definition)];
  if (problems.length > 0) throw invalid(problems);
  return definition;
}

function invalid(details: AppErrorDetail[]): AppError {
  const summary = details
    .slice(0, 3)
    .map((detail) => `${detail.path}: ${detail.message}`)
    .join('; ');
  return new AppError('invalid_workflow_definition', `The workflow definition is not valid: ${summary}`, {
    details,
  });
}

function checkSkillArea(
  definition: WorkflowDefinition,
  skillAreaIds: string[] | undefined,
): AppErrorDetail[] {
  if (!skillAreaIds || skillAreaIds.includes(definition.skillArea)) return [];
  return [
    {
      path: 'skillArea',
      message: `unknown skill area "${definition.skillArea}" (known: ${skillAreaIds.join(', ')})`,
    },
  ];
}

function checkStructure(definition: WorkflowDefinition): AppErrorDetail[] {
  const problems: AppErrorDetail[] = [];
  const inputNames = new Set<string>();
  definition.inputs.forEach((input, index) => {
    if (inputNames.has(input.name))
      problems.push({ path: `inputs.${index}.name`, message: `duplicate input "${input.name}"` });
    inputNames.add(input.name);
  });
  const rubricIds = new Set<string>();
  definition.rubric.forEach((criterion, index) => {
    if (rubricIds.has(criterion.id))
      problems.push({ path: `rubric.${index}.id`, message: `duplicate criterion "${criterion.id}"` });
    rubricIds.add(criterion.id);
  });

  const stepIds = new Set<string>();
  const collectedInputs = new Set<string>();
  const earlierGenerateSteps = new Set<string>();
  definition.steps.forEach((step, index) => {
    const path = `steps.${index}`;
    if (stepIds.has(step.id))
      problems.push({ path: `${path}.id`, message: `duplicate step id "${step.id}"` });
    stepIds.add(step.id);
    if (step.kind === 'input') {
      for (const name of step.inputNames) {
        if (!inputNames.has(name))
          problems.push({ path: `${path}.inputNames`, message: `unknown input "${name}"` });
        else if (collectedInputs.has(name))
          problems.push({ path: `${path}.inputNames`, message: `input "${name}" is asked for twice` });
        collectedInputs.add(name);
      }
    }
    problems.push(...checkTemplate(step, path, collectedInputs, earlierGenerateSteps));
    if (step.kind === 'generate') earlierGenerateSteps.add(step.id);
    if (step.kind === 'deliverable' && index !== definition.steps.length - 1) {
      problems.push({ path: `${path}.kind`, message: 'the deliverable must be the last step' });
    }
  });

  for (const name of inputNames) {
    if (!collectedInputs.has(name))
      problems.push({ path: 'inputs', message: `input "${name}" is never asked for by an input step` });
  }
  if (earlierGenerateSteps.size === 0)
    problems.push({ path: 'steps', message: 'a workflow needs at least one generate step' });
  if (definition.steps.at(-1)?.kind !== 'deliverable') {
    problems.push({ path: 'steps', message: 'the last step must be a deliverable' });
  }
  return problems;
}

function checkTemplate(
  step: WorkflowStep,
  path: string,
  collectedInputs: Set<string>,
  earlierGenerateSteps: Set<string>,
): AppErrorDetail[] {
  const template =
    step.kind === 'generate' ? step.prompt : step.kind === 'deliverable' ? step.template : null;
  if (template === null) return [];
  const field = step.kind === 'generate' ? 'prompt' : 'template';
  const problems: AppErrorDetail[] = findUnknownPlaceholders(template).map((placeholder) => ({
    path: `${path}.${field}`,
    message: `unknown placeholder ${placeholder}; use {{input.name}} or {{step.id.output}}`,
  }));
  for (const reference of findTemplateReferences(template)) {
    if (reference.kind === 'input' && !collectedInputs.has(reference.name)) {
      problems.push({
        path: `${path}.${field}`,
        message: `{{input.${reference.name}}} is not collected by an earlier input step`,
      });
    }
    if (reference.kind === 'step' && !earlierGenerateSteps.has(reference.stepId)) {
      problems.push({
        path: `${path}.${field}`,
        message: `{{step.${reference.stepId}.output}} is not an earlier generate step`,
      });
    }
  }
  return problems;
}
