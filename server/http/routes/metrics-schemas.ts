import { z } from 'zod';

/** The metrics endpoints' query and answers; answers are parsed through these, so nothing unnamed leaves. */
export const metricsQuery = z.object({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  department: z.string().trim().min(1).max(200).optional(),
});

const share = z.number().min(0).max(1).nullable();
const levels = z.object({ L0: z.number(), L1: z.number(), L2: z.number(), L3: z.number(), L4: z.number() });
const transitions = <T extends z.ZodType>(value: T) =>
  z.object({ l0ToL1: value, l1ToL2: value, l2ToL3: value });

const figures = z.object({
  activePeople: z.number().int(),
  adoption: z.object({ peopleAtL2OrMore: z.number().int(), share }),
  quality: z.object({
    completedSessions: z.number().int(),
    scoredSessions: z.number().int(),
    sessionsMeetingBar: z.number().int(),
    shareMeetingBar: share,
    meanScore: z.number().nullable(),
    qualityBar: z.number(),
    reviewerScored: z.object({
      sessions: z.number().int(),
      shareOfCompleted: share,
      sessionsMeetingBar: z.number().int(),
      shareMeetingBar: share,
      meanScore: z.number().nullable(),
    }),
  }),
  timeReallocation: z.object({
    minutesSaved: z.number(),
    peopleWithSessions: z.number().int(),
    medianMinutesSavedPerPerson: z.number().nullable(),
    byDestination: z.object({
      'deeper-analysis': z.number(),
      customers: z.number(),
      colleagues: z.number(),
      learning: z.number(),
      other: z.number(),
      unstated: z.number(),
    }),
  }),
  knowledgeSharing: z.object({
    authorsReused: z.number().int(),
    workflowsWithThreeAdopters: z.number().int(),
    reuseSessions: z.number().int(),
  }),
  progression: z.object({
    medianDays: transitions(z.number().nullable()),
    transitions: transitions(z.number().int()),
    levels,
  }),
  trend: z.array(
    z.object({
      weekStart: z.string(),
      sessionsStarted: z.number().int(),
      sessionsCompleted: z.number().int(),
      sessionsMeetingBar: z.number().int(),
      meanScore: z.number().nullable(),
      minutesSaved: z.number(),
      reuseSessions: z.number().int(),
      peopleAtL2OrMore: z.number().int(),
      adoptionShare: share,
      levels,
    }),
  ),
});

export const metricsResponse = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('organisation'), department: z.string().nullable() }),
    z.object({ kind: z.literal('team'), managerId: z.string() }),
    z.object({ kind: z.literal('person'), personId: z.string() }),
  ]),
  period: z.object({ from: z.string(), to: z.string(), weeks: z.number().int(), timeZone: z.string() }),
  figures: figures.nullable(),
  withheld: z.string().nullable(),
});
