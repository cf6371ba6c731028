import fc from 'fast-check';
import { DEFAULT_SKILL_AREAS } from '../tenants';
import { checkWorkflowDefinition } from './validate-workflow-definition';

const skillAreaIds = DEFAULT_SKILL_AREAS.map((area) => area.id);

const valid = {
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
      instructions: 'Paste it.',
      inputNames: ['pipeline', 'audience'],
    },
    {
      id: 'draft',
      kind: 'generate',
      title: 'Draft',
      instructions: 'Drafts.',
      prompt: 'For {{input.audience}}: {{input.pipeline}}',
    },
    { id: 'check', kind: 'verify', title: 'Check', instructions: 'Check it.', checklist: ['Totals match.'] },
    {
      id: 'note',
      kind: 'deliverable',
      title: 'Note',
      instructions: 'Yours.',
      template: '# Note\n\n{{ step.draft.output }}',
    },
  ],
  rubric: [{ id: 'clear', criterion: 'Clear', description: 'Understood in a minute.' }],
};

/** Template text an author might write, placeholders right and wrong included. */
const templateText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '{{input.pipeline}}',
        '{{ input.audience }}',
        '{{input.nope}}',
        '{{step.draft.output}}',
        '{{step.note.output}}',
        '{{step.check.output}}',
        '{{',
        '}}',
        '{{input.}}',
        '{{{input.pipeline}}}',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

type Mutable = Record<string, unknown>;
const clone = (): Mutable => structuredClone(valid) as Mutable;

/** One change an author (or a hostile client) could make to the definition. */
const mutation: fc.Arbitrary<(draft: Mutable) => void> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...Object.keys(valid), 'extra'), fc.anything())
    .map(([key, value]) => (draft: Mutable) => {
      draft[key] = value;
    }),
  fc.constantFrom(...Object.keys(valid)).map((key) => (draft: Mutable) => {
    delete draft[key];
  }),
  fc
    .tuple(
      fc.nat({ max: 3 }),
      fc.constantFrom('id', 'kind', 'title', 'instructions', 'inputNames', 'prompt', 'checklist', 'template'),
      fc.oneof(fc.anything(), templateText),
    )
    .map(([index, key, value]) => (draft: Mutable) => {
      const steps = draft.steps as Mutable[] | undefined;
      const step = Array.isArray(steps) ? steps[index] : undefined;
      if (step && typeof step === 'object') step[key] = value;
    }),
  fc.tuple(fc.nat({ max: 3 }), templateText).map(([index, value]) => (draft: Mutable) => {
    const steps = draft.steps as Mutable[] | undefined;
    const step = Array.isArray(steps) ? steps[index] : undefined;
    if (step && typeof step === 'object') step[step.kind === 'deliverable' ? 'template' : 'prompt'] = value;
  }),
  fc.constantFrom('reverse', 'drop-first', 'duplicate-last', 'empty').map((change) => (draft: Mutable) => {
    const steps = draft.steps as unknown[];
    if (!Array.isArray(steps)) return;
    if (change === 'reverse') steps.reverse();
    if (change === 'drop-first') steps.shift();
    if (change === 'duplicate-last') steps.push(structuredClone(steps[steps.length - 1]));
    if (change === 'empty') steps.length = 0;
  }),
);

describe('workflow definitions from anyone', () => {
  it('are answered with every problem at a path, or accepted as a definition that checks the same again; never an exception', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const draft = clone();
        for (const change of changes) change(draft);
        const check = checkWorkflowDefinition(draft, { skillAreaIds });
        if (check.valid) {
          const again = checkWorkflowDefinition(JSON.parse(JSON.stringify(check.definition)), {
            skillAreaIds,
          });
          expect(again).toEqual(check);
          const last = check.definition.steps[check.definition.steps.length - 1];
          expect(last?.kind).toBe('deliverable');
        } else {
          expect(check.problems.length).toBeGreaterThan(0);
          for (const problem of check.problems) {
            expect(problem.path.length).toBeGreaterThan(0);
            expect(problem.code.length).toBeGreaterThan(0);
            expect(problem.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts a template that names an input nobody provides or a step that has not run yet', () => {
    fc.assert(
      fc.property(templateText, (prompt) => {
        const draft = clone();
        (draft.steps as Mutable[])[1]!.prompt = prompt;
        const check = checkWorkflowDefinition(draft, { skillAreaIds });
        const forward = /\{\{\s*(input\.nope|step\.(draft|note|check)\.output)\s*\}\}/.test(prompt);
        if (forward) expect(check.valid).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
