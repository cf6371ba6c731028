import { z } from 'zod';

const memberLevel = z.object({
  skillArea: z.string(),
  skillAreaName: z.string(),
  level: z.number().int().min(0).max(4),
  levelName: z.string(),
  reachedAt: z.string().nullable(),
  evidenceCounts: z.record(z.string(), z.number()),
});

const LEVEL_KEYS = ['L0', 'L1', 'L2', 'L3', 'L4'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

/** `GET /api/v1/team`: my direct reports' levels, and the distribution when the team is big enough. */
const teamSchema = z.object({
  managerVisibility: z.enum(['levels-only', 'shared', 'full']),
  members: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      jobTitle: z.string().nullable(),
      levels: z.array(memberLevel),
    }),
  ),
  summary: z
    .array(
      z.object({
        skillArea: z.string(),
        skillAreaName: z.string(),
        peopleByLevel: z.record(z.enum(LEVEL_KEYS), z.number()),
      }),
    )
    .nullable(),
  summaryWithheld: z.string().nullable(),
});

export type Team = z.infer<typeof teamSchema>;
export type TeamMember = Team['members'][number];
export type TeamSummary = NonNullable<Team['summary']>[number];
export { LEVEL_KEYS };

export const parseTeam = (body: unknown): Team => teamSchema.parse(body);
