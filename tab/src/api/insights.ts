import { z } from 'zod';

const share = z.number().nullable();

/** `GET /workflows/{id}/insights`: how a workflow is used, for its author and admins (notes only from 5 people). */
const insightsSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), weeks: z.number() }),
  adoption: z.object({
    sessionsStarted: z.number(),
    sessionsCompleted: z.number(),
    people: z.number(),
    colleaguesCompleted: z.number(),
  }),
  quality: z.object({ meanScore: z.number().nullable(), shareMeetingBar: share }).nullable(),
  minutesSaved: z.object({ total: z.number(), medianPerSession: z.number().nullable() }),
  steps: z.array(
    z.object({
      stepId: z.string(),
      title: z.string(),
      kind: z.string(),
      completions: z.number(),
      regenerations: z.number(),
      regeneratedShare: share,
      heavilyEdited: z.number(),
      heavilyEditedShare: share,
      whatBrokeCount: z.number(),
      whatBroke: z.array(z.string()).nullable(),
    }),
  ),
  whatBrokeGeneral: z.array(z.string()).nullable(),
  withheld: z.string().nullable(),
});

export type WorkflowInsights = z.infer<typeof insightsSchema>;

export const parseInsights = (body: unknown): WorkflowInsights => insightsSchema.parse(body);
