import { z } from 'zod';
import { rubricCriterionSchema, workflowInputSchema, workflowStepSchema } from '../../../core';

/**
 * What the workflow library and authoring endpoints accept and answer. Responses are parsed through these
 * before they are sent, so a field the schema does not name never leaves the server.
 */
export const definitionBody = z
  .object({ definition: z.unknown() })
  .strict()
  .refine((body) => body.definition !== undefined, {
    path: ['definition'],
    message: 'definition is required: the workflow as written so far (a JSON object)',
  });

const usage = z.object({
  completed: z.number().int(),
  /** Colleagues other than the author who completed it. */
  adopters: z.number().int(),
  medianMinutesSaved: z.number().nullable(),
  /** Mean self-rating against the rubric, 1 to 5. */
  meanRating: z.number().nullable(),
});

const author = z.object({ id: z.string(), name: z.string() });
const suitedFor = z.object({ departments: z.array(z.string()), jobTitles: z.array(z.string()) });

export const libraryResponse = z.object({
  workflows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      skillArea: z.string(),
      suitedFor,
      manualMinutes: z.number().int(),
      versionNumber: z.number().int(),
      author,
      mine: z.boolean(),
      reason: z.string(),
      usage,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const workflowResponse = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  skillArea: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  author,
  mine: z.boolean(),
  canManage: z.boolean(),
  usage,
  version: z
    .object({
      id: z.string(),
      versionNumber: z.number().int(),
      publishedAt: z.date(),
      manualMinutes: z.number().int(),
      suitedFor,
      inputs: z.array(workflowInputSchema),
      steps: z.array(workflowStepSchema),
      rubric: z.array(rubricCriterionSchema),
    })
    .nullable(),
  versions: z
    .array(
      z.object({
        id: z.string(),
        versionNumber: z.number().int(),
        publishedAt: z.date(),
        usage: z.object({
          started: z.number().int(),
          completed: z.number().int(),
          abandoned: z.number().int(),
          medianMinutesSaved: z.number().nullable(),
          meanRating: z.number().nullable(),
        }),
      }),
    )
    .nullable(),
  hasDraft: z.boolean().nullable(),
});

export const draftResponse = z.object({
  workflowId: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  latestVersionNumber: z.number().int(),
  draft: z.object({ definition: z.unknown(), updatedAt: z.date(), updatedBy: z.string() }).nullable(),
});

export const validationResponse = z.object({
  valid: z.boolean(),
  problems: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});

export const publishedResponse = z.object({
  workflowId: z.string(),
  status: z.literal('published'),
  version: z.object({ id: z.string(), versionNumber: z.number().int(), publishedAt: z.date() }),
});

export const retiredResponse = z.object({
  workflowId: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
});

export const myWorkflowsResponse = z.object({
  workflows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      skillArea: z.string(),
      status: z.enum(['draft', 'published', 'retired']),
      latestVersionNumber: z.number().int(),
      hasDraft: z.boolean(),
      updatedAt: z.date(),
    }),
  ),
});
