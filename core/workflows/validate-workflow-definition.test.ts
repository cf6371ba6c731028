import { AppError } from '../errors';
import { DEFAULT_SKILL_AREAS } from '../tenants';
import { checkWorkflowDefinition, validateWorkflowDefinition } from './validate-workflow-definition';
import type { WorkflowDefinitionDraft, WorkflowStep } from './workflow-definition';

const skillAreaIds = DEFAULT_SKILL_AREAS.map((area) => area.id);

type DraftStep = WorkflowDefinitionDraft['steps'][number];

function validDraft(): WorkflowDefinitionDraft {
  return {
    title: 'Weekly pipeline note',
    summary: 'Turn the pipeline export into a short note for the sales lead.',
    skillArea: 'writing',
    suitedFor: { departments: ['Sales'] },
    manualMinutes: 60,
    inputs: [
      { name: 'pipeline', label: 'Pipeline export', description: 'The CRM export as CSV.' },
      { name: 'audience', label: 'Audience', description: 'Who reads the note.' },
    ],
    steps: [
      {
        id: 'collect',
        kind: 'input',
        title: 'Share',
        instructions: 'Paste the export.',
        inputNames: ['pipeline', 'audience'],
      },
      {
        id: 'draft',
        kind: 'generate',
        title: 'Draft',
        instructions: 'The AI drafts the note.',
        prompt: 'Write for {{input.audience}} from:\n{{input.pipeline}}',
      },
      {
        id: 'check',
        kind: 'verify',
        title: 'Check',
        instructions: 'Check it.',
        checklist: ['Totals match the export.'],
      },
      {
        id: 'note',
        kind: 'deliverable',
        title: 'Note',
        instructions: 'Your note.',
        template: '# Note\n\n{{ step.draft.output }}',
      },
    ],
    rubric: [{ id: 'clear', criterion: 'Clear', description: 'The lead understands it in a minute.' }],
  };
}

function withSteps(steps: DraftStep[]): WorkflowDefinitionDraft {
  return { ...validDraft(), steps };
}

function stepsOf(draft: WorkflowDefinitionDraft): DraftStep[] {
  return draft.steps.map((step) => ({ ...step }));
}

function rejection(candidate: unknown, options: { skillAreaIds?: string[] } = { skillAreaIds }): AppError {
  try {
    validateWorkflowDefinition(candidate, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the definition to be rejected');
}

function expectProblem(candidate: unknown, path: string, message: RegExp, code?: string): AppError {
  const error = rejection(candidate);
  expect(error.code).toBe('invalid_workflow_definition');
  expect(error.details).toEqual(
    expect.arrayContaining([
      { path, message: expect.stringMatching(message), code: code ?? expect.any(String) },
    ]),
  );
  expect(error.message).toContain(path);
  return error;
}

describe('validateWorkflowDefinition', () => {
  it('accepts a valid definition and fills in the defaults', () => {
    const definition = validateWorkflowDefinition(validDraft(), { skillAreaIds });
    expect(definition.inputs[0]).toMatchObject({ maxChars: 20_000, required: true });
    expect(definition.suitedFor).toEqual({ departments: ['Sales'], jobTitles: [] });
    expect(definition.steps.map((step: WorkflowStep) => step.kind)).toEqual([
      'input',
      'generate',
      'verify',
      'deliverable',
    ]);
  });

  it('rejects a template that references a later generate step', () => {
    const steps = stepsOf(validDraft());
    steps.splice(1, 0, {
      id: 'outline',
      kind: 'generate',
      title: 'Outline',
      instructions: 'Outline first.',
      prompt: 'Outline this draft: {{step.draft.output}}',
    });
    expectProblem(
      withSteps(steps),
      'steps.1.prompt',
      /\{\{step\.draft\.output\}\} is not an earlier generate step/,
    );
  });

  it('rejects a reference to a step that is not a generate step', () => {
    const steps = stepsOf(validDraft());
    steps[3] = {
      id: 'note',
      kind: 'deliverable',
      title: 'Note',
      instructions: 'Your note.',
      template: '{{step.check.output}}',
    };
    expectProblem(withSteps(steps), 'steps.3.template', /step\.check\.output/);
  });

  it('rejects a duplicate step id', () => {
    const steps = stepsOf(validDraft());
    steps[2] = {
      id: 'draft',
      kind: 'verify',
      title: 'Check',
      instructions: 'Check it.',
      checklist: ['Totals match.'],
    };
    expectProblem(withSteps(steps), 'steps.2.id', /duplicate step id "draft"/);
  });

  it('rejects a workflow whose last step is not a deliverable', () => {
    expectProblem(withSteps(stepsOf(validDraft()).slice(0, 3)), 'steps', /last step must be a deliverable/);
  });

  it('rejects a deliverable that is not the last step', () => {
    const steps = stepsOf(validDraft());
    const [deliverable] = steps.splice(3, 1);
    if (!deliverable) throw new Error('fixture has four steps');
    steps.splice(2, 0, deliverable);
    expectProblem(withSteps(steps), 'steps.2.kind', /deliverable must be the last step/);
  });

  it('rejects an input used before an input step collects it', () => {
    const steps = stepsOf(validDraft());
    steps[0] = {
      id: 'collect',
      kind: 'input',
      title: 'Share',
      instructions: 'Paste the export.',
      inputNames: ['pipeline'],
    };
    steps.splice(2, 0, {
      id: 'who',
      kind: 'input',
      title: 'Audience',
      instructions: 'Who reads it?',
      inputNames: ['audience'],
    });
    expectProblem(
      withSteps(steps),
      'steps.1.prompt',
      /\{\{input\.audience\}\} is not collected by an earlier input step/,
    );
  });

  it('rejects an input asked for twice, an unknown input, and an input never asked for', () => {
    const twice = stepsOf(validDraft());
    twice.splice(1, 0, {
      id: 'again',
      kind: 'input',
      title: 'Again',
      instructions: 'Again.',
      inputNames: ['pipeline'],
    });
    expectProblem(withSteps(twice), 'steps.1.inputNames', /input "pipeline" is asked for twice/);

    const unknown = stepsOf(validDraft());
    unknown[0] = {
      id: 'collect',
      kind: 'input',
      title: 'Share',
      instructions: 'Paste.',
      inputNames: ['pipeline', 'audience', 'forecast'],
    };
    expectProblem(withSteps(unknown), 'steps.0.inputNames', /unknown input "forecast"/);

    const draft = validDraft();
    draft.inputs.push({ name: 'region', label: 'Region', description: 'Which region.' });
    expectProblem(draft, 'inputs', /input "region" is never asked for/);
  });

  it('rejects an unknown placeholder', () => {
    const steps = stepsOf(validDraft());
    steps[1] = {
      id: 'draft',
      kind: 'generate',
      title: 'Draft',
      instructions: 'Draft.',
      prompt: 'Use {{inputs.pipeline}}',
    };
    expectProblem(withSteps(steps), 'steps.1.prompt', /unknown placeholder \{\{inputs\.pipeline\}\}/);
  });

  it('rejects a workflow without a generate step', () => {
    const steps = stepsOf(validDraft()).filter((step) => step.kind !== 'generate');
    steps[2] = {
      id: 'note',
      kind: 'deliverable',
      title: 'Note',
      instructions: 'Your note.',
      template: '{{input.pipeline}}',
    };
    expectProblem(withSteps(steps), 'steps', /at least one generate step/);
  });

  it('rejects duplicate input names and rubric ids', () => {
    const draft = validDraft();
    draft.inputs.push({ name: 'pipeline', label: 'Again', description: 'Again.' });
    draft.rubric.push({ id: 'clear', criterion: 'Clear again', description: 'Again.' });
    const error = expectProblem(draft, 'inputs.2.name', /duplicate input "pipeline"/);
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'rubric.1.id', message: 'duplicate criterion "clear"', code: 'duplicate_criterion' },
      ]),
    );
  });

  it('rejects an unknown skill area only when the tenant names its areas', () => {
    const draft = { ...validDraft(), skillArea: 'negotiation' };
    expectProblem(draft, 'skillArea', /unknown skill area "negotiation"/);
    expect(validateWorkflowDefinition(draft).skillArea).toBe('negotiation');
  });

  it('reports schema problems with their paths', () => {
    const steps = stepsOf(validDraft());
    steps[0] = {
      id: 'Collect input',
      kind: 'input',
      title: 'Share',
      instructions: 'Paste.',
      inputNames: ['pipeline', 'audience'],
    };
    expectProblem({ ...withSteps(steps), title: '   ' }, 'steps.0.id', /lower-case letter/);
    expectProblem({ ...validDraft(), title: '   ' }, 'title', /must not be empty/);
    expectProblem({ ...validDraft(), manualMinutes: 0 }, 'manualMinutes', /./);
    expectProblem(null, '(root)', /./);
  });

  it('reports every problem at once', () => {
    const steps = stepsOf(validDraft()).slice(0, 3);
    steps[2] = {
      id: 'draft',
      kind: 'verify',
      title: 'Check',
      instructions: 'Check it.',
      checklist: ['Totals match.'],
    };
    const error = rejection(withSteps(steps));
    expect(error.details.map((detail) => detail.path)).toEqual(
      expect.arrayContaining(['steps.2.id', 'steps']),
    );
  });
  it('gives each problem an author meets a stable code', () => {
    const unknownPlaceholder = stepsOf(validDraft());
    unknownPlaceholder[1] = { ...unknownPlaceholder[1]!, prompt: 'Use {{inputs.pipeline}}' } as DraftStep;
    expectProblem(
      withSteps(unknownPlaceholder),
      'steps.1.prompt',
      /unknown placeholder/,
      'unknown_placeholder',
    );
    expectProblem(withSteps([]), 'steps', /./, 'too_few_steps');
    expectProblem({ ...validDraft(), rubric: [] }, 'rubric', /./, 'rubric_without_criteria');
    expectProblem({ ...validDraft(), manualMinutes: 0 }, 'manualMinutes', /./, 'manual_minutes_out_of_range');
    expectProblem(
      { ...validDraft(), manualMinutes: 5_000 },
      'manualMinutes',
      /./,
      'manual_minutes_out_of_range',
    );
    const noDeliverable = stepsOf(validDraft()).slice(0, 3);
    expectProblem(
      withSteps(noDeliverable),
      'steps',
      /last step must be a deliverable/,
      'no_deliverable_step',
    );
    const { title: _title, ...untitled } = validDraft();
    expectProblem(untitled, 'title', /./, 'missing');
    const oddKind = stepsOf(validDraft());
    oddKind[2] = { ...oddKind[2]!, kind: 'approve' } as unknown as DraftStep;
    expectProblem(withSteps(oddKind), 'steps.2.kind', /./, 'unknown_step_kind');
  });

  it('checkWorkflowDefinition returns the problems instead of throwing, and the definition when valid', () => {
    const check = checkWorkflowDefinition({ ...validDraft(), rubric: [] }, { skillAreaIds });
    expect(check).toEqual({
      valid: false,
      problems: [{ path: 'rubric', code: 'rubric_without_criteria', message: expect.any(String) }],
    });
    expect(checkWorkflowDefinition(validDraft(), { skillAreaIds })).toMatchObject({
      valid: true,
      definition: { title: 'Weekly pipeline note' },
    });
  });
});
