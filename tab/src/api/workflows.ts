import { z } from 'zod';

const usage = z.object({
  completed: z.number(),
  adopters: z.number(),
  medianMinutesSaved: z.number().nullable(),
  meanRating: z.number().nullable(),
});
const author = z.object({ id: z.string(), name: z.string() });
const suitedFor = z.object({ departments: z.array(z.string()), jobTitles: z.array(z.string()) });

/** `GET /api/v1/workflows`: published workflows ranked for me, each with its social proof. */
const librarySchema = z.object({
  workflows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      skillArea: z.string(),
      suitedFor,
      manualMinutes: z.number(),
      versionNumber: z.number(),
      author,
      mine: z.boolean(),
      reason: z.string(),
      usage,
    }),
  ),
  nextCursor: z.string().nullable(),
});

const step = z
  .object({ id: z.string(), kind: z.enum(['input', 'generate', 'verify', 'deliverable']), title: z.string() })
  .loose();

/** `GET /api/v1/workflows/{id}`: the published version's steps and rubric, and per-version usage for its author. */
const workflowSchema = z.object({
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
      versionNumber: z.number(),
      publishedAt: z.string(),
      manualMinutes: z.number(),
      suitedFor,
      inputs: z.array(z.object({ name: z.string(), label: z.string(), description: z.string() }).loose()),
      steps: z.array(step),
      rubric: z.array(z.object({ id: z.string(), criterion: z.string(), description: z.string() })),
    })
    .nullable(),
  versions: z
    .array(
      z.object({
        id: z.string(),
        versionNumber: z.number(),
        publishedAt: z.string(),
        usage: z.object({
          started: z.number(),
          completed: z.number(),
          abandoned: z.number(),
          medianMinutesSaved: z.number().nullable(),
          meanRating: z.number().nullable(),
        }),
      }),
    )
    .nullable(),
  hasDraft: z.boolean().nullable(),
});

export type LibraryPage = z.infer<typeof librarySchema>;
export type LibraryWorkflow = LibraryPage['workflows'][number];
export type WorkflowDetail = z.infer<typeof workflowSchema>;

export const parseLibrary = (body: unknown): LibraryPage => librarySchema.parse(body);
export const parseWorkflow = (body: unknown): WorkflowDetail => workflowSchema.parse(body);
