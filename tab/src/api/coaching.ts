import { z } from 'zod';

const suggestion = z
  .object({
    kind: z.enum(['try_workflow', 'review_deliverable', 'lapse_coming', 'colleague_can_show']),
    text: z.string(),
    workflowId: z.string().optional(),
    sessionId: z.string().optional(),
  })
  .loose();

/** `GET /api/v1/team/coaching`: per report, next steps drawn from data (never generic advice). */
const coachingSchema = z.object({
  reports: z.array(
    z.object({
      person: z.object({ id: z.string(), displayName: z.string(), jobTitle: z.string().nullable() }),
      suggestions: z.array(suggestion),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type Coaching = z.infer<typeof coachingSchema>;
export type CoachingSuggestion = z.infer<typeof suggestion>;

export const parseCoaching = (body: unknown): Coaching => coachingSchema.parse(body);
