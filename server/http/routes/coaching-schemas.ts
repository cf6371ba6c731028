import { z } from 'zod';

/** What GET /team/coaching answers; parsed before sending, so nothing the schema does not name leaves. */
const suggestion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('try_workflow'),
    workflowId: z.string(),
    workflowTitle: z.string(),
    authorName: z.string(),
    departmentAdopters: z.number().int(),
    text: z.string(),
  }),
  z.object({
    kind: z.literal('review_deliverable'),
    sessionId: z.string(),
    workflowTitle: z.string(),
    sharedAt: z.date().nullable(),
    text: z.string(),
  }),
  z.object({
    kind: z.literal('lapse_coming'),
    skillArea: z.string(),
    skillAreaName: z.string(),
    level: z.number().int(),
    lapsesOn: z.string(),
    text: z.string(),
  }),
  z.object({
    kind: z.literal('colleague_can_show'),
    workflowId: z.string(),
    workflowTitle: z.string(),
    colleagueId: z.string(),
    colleagueName: z.string(),
    because: z.enum(['author', 'teammate']),
    text: z.string(),
  }),
]);

export const coachingResponse = z.object({
  managerVisibility: z.enum(['levels-only', 'shared', 'full']),
  reports: z.array(
    z.object({
      person: z.object({ id: z.string(), displayName: z.string(), jobTitle: z.string().nullable() }),
      suggestions: z.array(suggestion),
    }),
  ),
  nextCursor: z.string().nullable(),
});
