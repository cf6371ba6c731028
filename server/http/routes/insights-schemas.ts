import { z } from 'zod';

const share = z.number().min(0).max(1).nullable();

/** What GET /workflows/{id}/insights answers; parsed before sending, so nothing the schema does not name leaves. */
export const insightsResponse = z.object({
  workflow: z.object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    skillArea: z.string(),
    latestVersionNumber: z.number().int(),
  }),
  period: z.object({ from: z.string(), to: z.string(), weeks: z.number().int(), timeZone: z.string() }),
  adoption: z.object({
    sessionsStarted: z.number().int(),
    sessionsCompleted: z.number().int(),
    sessionsAbandoned: z.number().int(),
    completionRate: z.number().nullable(),
    people: z.number().int(),
    colleaguesCompleted: z.number().int(),
  }),
  quality: z
    .object({
      scoredSessions: z.number().int(),
      sessionsMeetingBar: z.number().int(),
      shareMeetingBar: share,
      meanScore: z.number().nullable(),
      reviewedSessions: z.number().int(),
    })
    .nullable(),
  minutesSaved: z.object({ total: z.number(), medianPerSession: z.number().nullable() }),
  steps: z.array(
    z.object({
      stepId: z.string(),
      title: z.string(),
      kind: z.string(),
      completions: z.number().int(),
      regenerations: z.number().int(),
      completionsRegenerated: z.number().int(),
      regeneratedShare: share,
      edited: z.number().int(),
      heavilyEdited: z.number().int(),
      heavilyEditedShare: share,
      whatBrokeCount: z.number().int(),
      whatBroke: z.array(z.string()).nullable(),
    }),
  ),
  whatBrokeGeneral: z.array(z.string()).nullable(),
  withheld: z.string().nullable(),
});
