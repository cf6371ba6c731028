import { z } from 'zod';

/** `GET /api/v1/reviews`: deliverables shared with me for review that I have not scored yet. */
const reviewRequestsSchema = z.object({
  requests: z.array(
    z.object({
      sessionId: z.string(),
      ownerId: z.string(),
      ownerName: z.string(),
      workflowId: z.string(),
      workflowTitle: z.string(),
      reviewerRole: z.enum(['manager', 'author']),
      completedAt: z.string().nullable(),
      sharedAt: z.string().nullable(),
      rubric: z.array(z.object({ id: z.string(), criterion: z.string(), description: z.string() })),
    }),
  ),
});

export type ReviewRequest = z.infer<typeof reviewRequestsSchema>['requests'][number];

export const parseReviewRequests = (body: unknown): ReviewRequest[] =>
  reviewRequestsSchema.parse(body).requests;
