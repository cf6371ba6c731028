import { z } from 'zod';

const identifier = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_-]{0,39}$/, 'must start with a lower-case letter and use letters, digits, _ or -');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const workflowInputSchema = z.object({
  name: identifier,
  label: text(120),
  description: text(1_000),
  /** Largest accepted answer, in characters; a longer paste is refused with a clear message. */
  maxChars: z.number().int().min(1).max(200_000).default(20_000),
  required: z.boolean().default(true),
});

const stepBase = {
  id: identifier,
  title: text(120),
  instructions: text(4_000),
};

export const inputStepSchema = z.object({
  ...stepBase,
  kind: z.literal('input'),
  inputNames: z.array(identifier).min(1),
});

export const generateStepSchema = z.object({
  ...stepBase,
  kind: z.literal('generate'),
  /** Prompt template: {{input.name}} and {{step.<id>.output}} are filled in before the model runs. */
  prompt: text(20_000),
  /** The author's advice, shown when someone rates this step's result low. */
  tips: text(2_000).optional(),
});

export const verifyStepSchema = z.object({
  ...stepBase,
  kind: z.literal('verify'),
  checklist: z.array(text(300)).min(1).max(15),
});

export const deliverableStepSchema = z.object({
  ...stepBase,
  kind: z.literal('deliverable'),
  /** Document template, filled with inputs and step outputs like a prompt. */
  template: text(20_000),
});

export const workflowStepSchema = z.discriminatedUnion('kind', [
  inputStepSchema,
  generateStepSchema,
  verifyStepSchema,
  deliverableStepSchema,
]);

export const rubricCriterionSchema = z.object({
  id: identifier,
  criterion: text(120),
  description: text(1_000),
});

export const workflowDefinitionSchema = z.object({
  title: text(120),
  summary: text(600),
  skillArea: identifier,
  suitedFor: z.object({
    departments: z.array(text(80)).default([]),
    jobTitles: z.array(text(120)).default([]),
  }),
  /** The author's estimate of the minutes the work takes by hand. */
  manualMinutes: z.number().int().min(1).max(2_400),
  inputs: z.array(workflowInputSchema).min(1).max(20),
  steps: z.array(workflowStepSchema).min(2).max(12),
  rubric: z.array(rubricCriterionSchema).min(1).max(8),
});

export type WorkflowInput = z.infer<typeof workflowInputSchema>;
export type WorkflowStep = z.infer<typeof workflowStepSchema>;
export type InputStep = z.infer<typeof inputStepSchema>;
export type GenerateStep = z.infer<typeof generateStepSchema>;
export type VerifyStep = z.infer<typeof verifyStepSchema>;
export type DeliverableStep = z.infer<typeof deliverableStepSchema>;
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
/** What an author writes: defaults (maxChars, required, suitedFor lists) may be left out. */
export type WorkflowDefinitionDraft = z.input<typeof workflowDefinitionSchema>;
