import type { z } from 'zod';
import { AppError, type AppErrorDetail } from '../errors';
import { findTemplateReferences, findUnknownPlaceholders } from './template';
import { workflowDefinitionSchema, type WorkflowDefinition, type WorkflowStep } from './workflow-definition';

/** A problem in an author's definition: where it is, a stable code the tab can act on, and a sentence. */
export type WorkflowProblem = Required<AppErrorDetail>;

export type WorkflowCheck =
  { valid: true; definition: WorkflowDefinition } | { valid: false; problems: WorkflowProblem[] };

/**
 * Parses an author's definition and checks what a schema cannot: unique ids, every input asked for once,
 * templates that only reference inputs already collected and generate steps that come earlier,
 * and a deliverable as the last step. Returns every problem found, each with its path and code.
 */
export function checkWorkflowDefinition(
  candidate: unknown,
  options: { skillAreaIds?: string[] } = {},
): WorkflowCheck {
  const parsed = workflowDefinitionSchema.safeParse(candidate);
  if (!parsed.success) return { valid: false, problems: parsed.error.issues.map(problemFromIssue) };
  const definition = parsed.data;
  const problems = [...checkSkillArea(definition, options.skillAreaIds), ...checkStructure(definition)];
  return problems.length > 0 ? { valid: false, problems } : { valid: true, definition };
}

/** Like checkWorkflowDefinition, but throws AppError('invalid_workflow_definition') listing every problem. */
export function validateWorkflowDefinition(
  candidate: unknown,
  options: { skillAreaIds?: string[] } = {},
): WorkflowDefinition {
  const check = checkWorkflowDefinition(candidate, options);
  if (!check.valid) throw invalidWorkflowDefinition(check.problems);
  return check.definition;
}

export function invalidWorkflowDefinition(details: WorkflowProblem[]): AppError {
  const summary = details
    .slice(0, 3)
    .map((detail) => `${detail.path}: ${detail.message}`)
    .join('; ');
  return new AppError('invalid_workflow_definition', `The workflow definition is not valid: ${summary}`, {
    details,
  });
}

function problemFromIssue(issue: z.core.$ZodIssue): WorkflowProblem {
  const path = issue.path.join('.') || '(root)';
  return { path, code: codeForIssue(issue, path), message: issue.message };
}

/** Stable codes for schema problems; the ones an author meets most get their own names. */
function codeForIssue(issue: z.core.$ZodIssue, path: string): string {
  const sized = issue.code === 'too_small' || issue.code === 'too_big';
  if (sized && path === 'manualMinutes') return 'manual_minutes_out_of_range';
  if (issue.code === 'too_small' && path === 'steps') return 'too_few_steps';
  if (issue.code === 'too_small' && path === 'rubric') return 'rubric_without_criteria';
  if (issue.code === 'too_small' && path === 'inputs') return 'no_inputs';
  if (issue.code === 'invalid_union' && /^steps\.\d+\.kind$/.test(path)) return 'unknown_step_kind';
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.endsWith('received undefined') ? 'missing' : 'wrong_type';
    case 'too_small':
      return issue.origin === 'string' ? 'empty' : issue.origin === 'array' ? 'too_few' : 'out_of_range';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : issue.origin === 'array' ? 'too_many' : 'out_of_range';
    case 'invalid_format':
      return 'invalid_format';
    default:
      return 'invalid_value';
  }
}

function checkSkillArea(
  definition: WorkflowDefinition,
  skillAreaIds: string[] | undefined,
): WorkflowProblem[] {
  if (!skillAreaIds || skillAreaIds.includes(definition.skillArea)) return [];
  return [
    {
      path: 'skillArea',
      code: 'unknown_skill_area',
      message: `unknown skill area "${definition.skillArea}" (known: ${skillAreaIds.join(', ')})`,
    },
  ];
}

function checkStructure(definition: WorkflowDefinition): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const inputNames = new Set<string>();
  definition.inputs.forEach((input, index) => {
    if (inputNames.has(input.name))
      problem(`inputs.${index}.name`, 'duplicate_input', `duplicate input "${input.name}"`);
    inputNames.add(input.name);
  });
  const rubricIds = new Set<string>();
  definition.rubric.forEach((criterion, index) => {
    if (rubricIds.has(criterion.id))
      problem(`rubric.${index}.id`, 'duplicate_criterion', `duplicate criterion "${criterion.id}"`);
    rubricIds.add(criterion.id);
  });

  const stepIds = new Set<string>();
  const collectedInputs = new Set<string>();
  const earlierGenerateSteps = new Set<string>();
  definition.steps.forEach((step, index) => {
    const path = `steps.${index}`;
    if (stepIds.has(step.id)) problem(`${path}.id`, 'duplicate_step_id', `duplicate step id "${step.id}"`);
    stepIds.add(step.id);
    if (step.kind === 'input') {
      for (const name of step.inputNames) {
        if (!inputNames.has(name)) problem(`${path}.inputNames`, 'unknown_input', `unknown input "${name}"`);
        else if (collectedInputs.has(name))
          problem(`${path}.inputNames`, 'input_asked_twice', `input "${name}" is asked for twice`);
        collectedInputs.add(name);
      }
    }
    problems.push(...checkTemplate(step, path, collectedInputs, earlierGenerateSteps));
    if (step.kind === 'generate') earlierGenerateSteps.add(step.id);
    if (step.kind === 'deliverable' && index !== definition.steps.length - 1) {
      problem(`${path}.kind`, 'deliverable_not_last', 'the deliverable must be the last step');
    }
  });

  for (const name of inputNames) {
    if (!collectedInputs.has(name))
      problem('inputs', 'input_never_asked', `input "${name}" is never asked for by an input step`);
  }
  if (earlierGenerateSteps.size === 0)
    problem('steps', 'no_generate_step', 'a workflow needs at least one generate step');
  if (definition.steps.at(-1)?.kind !== 'deliverable') {
    problem('steps', 'no_deliverable_step', 'the last step must be a deliverable');
  }
  return problems;
}

function checkTemplate(
  step: WorkflowStep,
  path: string,
  collectedInputs: Set<string>,
  earlierGenerateSteps: Set<string>,
): WorkflowProblem[] {
  const template =
    step.kind === 'generate' ? step.prompt : step.kind === 'deliverable' ? step.template : null;
  if (template === null) return [];
  const where = `${path}.${step.kind === 'generate' ? 'prompt' : 'template'}`;
  const problems: WorkflowProblem[] = findUnknownPlaceholders(template).map((placeholder) => ({
    path: where,
    code: 'unknown_placeholder',
    message: `unknown placeholder ${placeholder}; use {{input.name}} or {{step.id.output}}`,
  }));
  for (const reference of findTemplateReferences(template)) {
    if (reference.kind === 'input' && !collectedInputs.has(reference.name)) {
      problems.push({
        path: where,
        code: 'input_not_collected_yet',
        message: `{{input.${reference.name}}} is not collected by an earlier input step`,
      });
    }
    if (reference.kind === 'step' && !earlierGenerateSteps.has(reference.stepId)) {
      problems.push({
        path: where,
        code: 'not_an_earlier_generate_step',
        message: `{{step.${reference.stepId}.output}} is not an earlier generate step`,
      });
    }
  }
  return problems;
}
