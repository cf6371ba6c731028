import { z } from 'zod';

const evidenceKind = z.enum(['session', 'review', 'certificate', 'reuse', 'attestation']);
export type EvidenceKind = z.infer<typeof evidenceKind>;

const levelSchema = z.object({
  skillArea: z.string(),
  skillAreaName: z.string(),
  level: z.number().int().min(0).max(4),
  levelName: z.string(),
  reachedAt: z.string().nullable(),
  evidenceCounts: z.record(z.string(), z.number()),
  evidence: z.array(z.object({ kind: evidenceKind, id: z.string() })).optional(),
  next: z.string().nullable().optional(),
});

const sessionSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowTitle: z.string(),
  status: z.enum(['active', 'paused', 'completed', 'abandoned']),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  meanRating: z.number().nullable(),
  sharedForReview: z.boolean(),
  reviews: z
    .array(
      z.object({
        reviewerRole: z.enum(['manager', 'author']),
        meanScore: z.number(),
        comment: z.string().nullable(),
        reviewedAt: z.string(),
      }),
    )
    .optional(),
});

const deliverableSchema = z.object({
  sessionId: z.string(),
  workflowTitle: z.string(),
  completedAt: z.string().nullable(),
  sharedForReview: z.boolean(),
  markdown: z.string().nullable(),
});

const certificateSchema = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string().nullable(),
  skillArea: z.string().nullable(),
  issuedAt: z.string(),
});

/** `GET /api/v1/me/profile` and `GET /api/v1/people/{id}/profile`: what the caller may see of one person. */
const profileSchema = z.object({
  person: z.object({
    id: z.string(),
    displayName: z.string(),
    department: z.string().nullable(),
    jobTitle: z.string().nullable(),
  }),
  relation: z.enum(['self', 'manager']),
  managerVisibility: z.enum(['levels-only', 'shared', 'full']).nullable(),
  levels: z.array(levelSchema),
  certificates: z.array(certificateSchema).optional(),
  sessions: z.array(sessionSchema).optional(),
  deliverables: z.array(deliverableSchema).optional(),
  nextCursor: z.string().nullable(),
});

export type Profile = z.infer<typeof profileSchema>;
export type ProfileLevel = z.infer<typeof levelSchema>;
export type ProfileSession = z.infer<typeof sessionSchema>;
export type ProfileDeliverable = z.infer<typeof deliverableSchema>;
export type ProfileCertificate = z.infer<typeof certificateSchema>;

export const parseProfile = (body: unknown): Profile => profileSchema.parse(body);
