import { z } from 'zod';

const status = z.enum(['draft', 'published', 'retired']);

/** `GET|PUT /workflows/{id}/draft`, `POST /workflows`: the draft of the next version, as the author wrote it. */
const draftSchema = z.object({
  workflowId: z.string(),
  status,
  latestVersionNumber: z.number(),
  draft: z.object({ definition: z.unknown(), updatedAt: z.string(), updatedBy: z.string() }).nullable(),
});

/** `POST /workflows/{id}/draft/validate`: every problem with its path (`steps.2.prompt`) and stable code. */
const validationSchema = z.object({
  valid: z.boolean(),
  problems: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});

const publishedSchema = z.object({
  workflowId: z.string(),
  status: z.literal('published'),
  version: z.object({ id: z.string(), versionNumber: z.number(), publishedAt: z.string() }),
});

const retiredSchema = z.object({ workflowId: z.string(), status });

/** `GET /me/workflows`: what I wrote, in every state. */
const myWorkflowsSchema = z.object({
  workflows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      skillArea: z.string(),
      status,
      latestVersionNumber: z.number(),
      hasDraft: z.boolean(),
      updatedAt: z.string(),
    }),
  ),
});

export type DraftAnswer = z.infer<typeof draftSchema>;
export type ValidationAnswer = z.infer<typeof validationSchema>;
export type WorkflowProblem = ValidationAnswer['problems'][number];
export type PublishedAnswer = z.infer<typeof publishedSchema>;
export type MyWorkflows = z.infer<typeof myWorkflowsSchema>;

export const parseDraft = (body: unknown): DraftAnswer => draftSchema.parse(body);
export const parseValidation = (body: unknown): ValidationAnswer => validationSchema.parse(body);
export const parsePublished = (body: unknown): PublishedAnswer => publishedSchema.parse(body);
export const parseRetired = (body: unknown) => retiredSchema.parse(body);
export const parseMyWorkflows = (body: unknown): MyWorkflows => myWorkflowsSchema.parse(body);
