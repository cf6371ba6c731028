import { z } from 'zod';

const share = z.number().nullable();
const levels = z.object({ L0: z.number(), L1: z.number(), L2: z.number(), L3: z.number(), L4: z.number() });
const transitions = <T extends z.ZodType>(value: T) =>
  z.object({ l0ToL1: value, l1ToL2: value, l2ToL3: value });

const figuresSchema = z.object({
  activePeople: z.number(),
  adoption: z.object({ peopleAtL2OrMore: z.number(), share }),
  quality: z.object({
    completedSessions: z.number(),
    scoredSessions: z.number(),
    sessionsMeetingBar: z.number(),
    shareMeetingBar: share,
    meanScore: z.number().nullable(),
    qualityBar: z.number(),
    reviewerScored: z.object({
      sessions: z.number(),
      shareOfCompleted: share,
      sessionsMeetingBar: z.number(),
      shareMeetingBar: share,
      meanScore: z.number().nullable(),
    }),
  }),
  timeReallocation: z.object({
    minutesSaved: z.number(),
    peopleWithSessions: z.number(),
    medianMinutesSavedPerPerson: z.number().nullable(),
    byDestination: z.record(z.string(), z.number()),
  }),
  knowledgeSharing: z.object({
    authorsReused: z.number(),
    workflowsWithThreeAdopters: z.number(),
    reuseSessions: z.number(),
  }),
  progression: z.object({
    medianDays: transitions(z.number().nullable()),
    transitions: transitions(z.number()),
    levels,
  }),
  trend: z.array(
    z.object({
      weekStart: z.string(),
      sessionsStarted: z.number(),
      sessionsCompleted: z.number(),
      sessionsMeetingBar: z.number(),
      meanScore: z.number().nullable(),
      minutesSaved: z.number(),
      reuseSessions: z.number(),
      peopleAtL2OrMore: z.number(),
      adoptionShare: share,
      levels,
    }),
  ),
});

/** `GET /api/v1/metrics/organisation|team|me`: the five metrics over whole weeks, or why they are withheld. */
const metricsSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), weeks: z.number(), timeZone: z.string() }),
  figures: figuresSchema.nullable(),
  withheld: z.string().nullable(),
});

export type Metrics = z.infer<typeof metricsSchema>;
export type MetricFigures = z.infer<typeof figuresSchema>;
export type WeekFigures = MetricFigures['trend'][number];

export const parseMetrics = (body: unknown): Metrics => metricsSchema.parse(body);
