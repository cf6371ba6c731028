import { z } from 'zod';

/**
 * What the profile, team and audit endpoints answer. Responses are parsed through these before they are
 * sent, so a field the schema does not name never leaves the server.
 */
const evidenceKind = z.enum(['session', 'review', 'certificate', 'reuse', 'attestation']);
const level = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const profileLevelSchema = z.object({
  skillArea: z.string(),
  skillAreaName: z.string(),
  level,
  levelName: z.string(),
  reachedAt: z.date().nullable(),
  evidenceCounts: z.record(evidenceKind, z.number().int()),
  evidence: z.array(z.object({ kind: evidenceKind, id: z.string() })).optional(),
  next: z.string().nullable().optional(),
});

export const profileResponse = z.object({
  person: z.object({
    id: z.string(),
    displayName: z.string(),
    department: z.string().nullable(),
    jobTitle: z.string().nullable(),
  }),
  relation: z.enum(['self', 'manager']),
  managerVisibility: z.enum(['levels-only', 'shared', 'full']).nullable(),
  levels: z.array(profileLevelSchema),
  certificates: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        issuer: z.string().nullable(),
        skillArea: z.string().nullable(),
        issuedAt: z.date(),
      }),
    )
    .optional(),
  sessions: z
    .array(
      z.object({
        id: z.string(),
        workflowId: z.string(),
        workflowTitle: z.string(),
        status: z.enum(['active', 'paused', 'completed', 'abandoned']),
        startedAt: z.date(),
        completedAt: z.date().nullable(),
        meanRating: z.number().nullable(),
        sharedForReview: z.boolean(),
        reviews: z
          .array(
            z.object({
              reviewerRole: z.enum(['manager', 'author']),
              meanScore: z.number(),
              comment: z.string().nullable(),
              reviewedAt: z.date(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  deliverables: z
    .array(
      z.object({
        sessionId: z.string(),
        workflowTitle: z.string(),
        completedAt: z.date().nullable(),
        sharedForReview: z.boolean(),
        markdown: z.string().nullable(),
      }),
    )
    .optional(),
  nextCursor: z.string().nullable(),
});

export const teamResponse = z.object({
  managerVisibility: z.enum(['levels-only', 'shared', 'full']),
  members: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      jobTitle: z.string().nullable(),
      levels: z.array(profileLevelSchema.omit({ evidence: true, next: true })),
    }),
  ),
  summary: z
    .array(
      z.object({
        skillArea: z.string(),
        skillAreaName: z.string(),
        peopleByLevel: z.record(z.enum(['L0', 'L1', 'L2', 'L3', 'L4']), z.number().int()),
      }),
    )
    .nullable(),
  summaryWithheld: z.string().nullable(),
});

export const auditResponse = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      actorId: z.string().nullable(),
      /** Null for Practica itself (a job); "someone no longer in Practica" for an erased person. */
      actorName: z.string().nullable(),
      action: z.string(),
      subjectPersonId: z.string().nullable(),
      subjectName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      at: z.date(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type ProfileResponse = z.infer<typeof profileResponse>;
export type TeamResponse = z.infer<typeof teamResponse>;
export type AuditResponse = z.infer<typeof auditResponse>;
