import { isAppError } from '../errors';
import { checkWorkflowDefinition } from '../workflows';
import { chooseDraft } from './choose-draft';
import { parseDraftReply } from './draft-prompts';
import {
  answerQuestion,
  beginDrafting,
  currentQuestion,
  parseMinutes,
  startInterview,
  type CaptureInterview,
} from './interview';
import { buildTemplateDraft } from './template-draft';

const now = new Date('2026-11-30T10:00:00Z');
const fresh = () => startInterview({ id: 'i1', tenantId: 't1', authorId: 'p1', now });

const ANSWERS = [
  'Write the monthly variance commentary',
  'Finance analysts; the CFO reads it',
  "- This month's trial balance\n- Last month's commentary",
  '1. Find the largest variances\n2. Explain each variance\n3. Write the commentary',
  'List the ten largest variances against budget with their amounts.\n\nFor each {{variance}}, suggest a likely reason.',
  'Every figure matches the trial balance\nExplains why, not only what\nFits on one page',
  '2 hours',
  'skip',
];

function answered(answers = ANSWERS): CaptureInterview {
  return answers.reduce((interview, answer) => answerQuestion(interview, answer, now), fresh());
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('capture interview', () => {
  it('asks one question at a time, in order, and moves on only with an answer', () => {
    let interview = fresh();
    expect(currentQuestion(interview)).toBe('task');
    interview = answerQuestion(interview, 'Write the monthly variance commentary', now);
    expect(currentQuestion(interview)).toBe('audience');
    expect(interview.version).toBe(2);
    expect(currentQuestion(answered())).toBeNull();
  });

  it('refuses a bad answer with a stable code and keeps the interview where it was', () => {
    const atCriteria = answered(ANSWERS.slice(0, 5));
    expect(currentQuestion(atCriteria)).toBe('goodResult');
    expect(refusal(() => answerQuestion(atCriteria, 'Correct figures', now))).toBe('invalid_input');
    expect(refusal(() => answerQuestion(atCriteria, '   ', now))).toBe('invalid_input');
    expect(refusal(() => answerQuestion(atCriteria, 'x'.repeat(20_001), now))).toBe('payload_too_large');
    const atMinutes = answerQuestion(atCriteria, 'a\nb\nc', now);
    expect(refusal(() => answerQuestion(atMinutes, 'a while', now))).toBe('invalid_input');
    expect(refusal(() => answerQuestion(atMinutes, '41 hours', now))).toBe('invalid_input');
    expect(currentQuestion(atMinutes)).toBe('manualMinutes');
  });

  it('reads minutes and hours', () => {
    expect(parseMinutes('90')).toBe(90);
    expect(parseMinutes('1.5 h')).toBe(90);
    expect(parseMinutes('2 hours')).toBe(120);
    expect(parseMinutes('0')).toBeNull();
  });

  it('refuses to draft before every question is answered', () => {
    expect(refusal(() => beginDrafting(answered(ANSWERS.slice(0, 3)), now))).toBe('conflict');
    expect(beginDrafting(answered(), now).status).toBe('drafting');
  });

  it('builds a draft from the answers that passes the editor validation, with the prompts bound to the inputs', () => {
    const draft = buildTemplateDraft(answered().answers, 'finance');
    const check = checkWorkflowDefinition(draft, { skillAreaIds: ['finance'] });
    expect(check).toMatchObject({ valid: true });
    if (!check.valid) return;
    const { definition } = check;
    expect(definition.manualMinutes).toBe(120);
    expect(definition.inputs.map((input) => input.label)).toEqual([
      "This month's trial balance",
      "Last month's commentary",
    ]);
    expect(definition.steps.map((step) => step.kind)).toEqual([
      'input',
      'generate',
      'generate',
      'generate',
      'verify',
      'deliverable',
    ]);
    const first = definition.steps[1];
    expect(first?.kind === 'generate' && first.prompt).toContain('List the ten largest variances');
    expect(first?.kind === 'generate' && first.prompt).toContain(`{{input.${definition.inputs[0]?.name}}}`);
    const second = definition.steps[2];
    expect(second?.kind === 'generate' && second.prompt).toContain(`{{step.${first?.id}.output}}`);
    expect(definition.rubric.map((criterion) => criterion.criterion)).toEqual([
      'Every figure matches the trial balance',
      'Explains why, not only what',
      'Fits on one page',
    ]);
  });

  it("keeps a model's draft only when it passes validation", () => {
    const template = buildTemplateDraft(answered().answers, 'finance');
    const good = chooseDraft({
      modelDraft: { ...template, title: 'Variance commentary' },
      templateDraft: template,
      skillAreaIds: ['finance'],
    });
    expect(good.source).toBe('llm');
    const bad = chooseDraft({
      modelDraft: { ...template, steps: [] },
      templateDraft: template,
      skillAreaIds: ['finance'],
    });
    expect(bad).toMatchObject({ source: 'template', definition: template });
    expect(bad.modelProblems.map((problem) => problem.code)).toContain('too_few_steps');
    expect(parseDraftReply('Here it is:\n```json\n{"title":"x"}\n```')).toEqual({ title: 'x' });
    expect(parseDraftReply('no json here')).toBeNull();
  });
});
