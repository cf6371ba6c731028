import { z } from 'zod';

/**
 * What the mapping reads from each event's `data`. Only facts: counts, scores, minutes, ids. Anything an
 * employee typed (inputs, outputs, "what broke") is deliberately not read, so it cannot reach a statement.
 */
const score = z.number().min(1).max(5);
const minutes = z.number().int();

export const sessionStartedData = z.object({ versionNumber: z.number().int().min(1).optional() });

export const stepCompletedData = z.object({
  stepId: z.string(),
  kind: z.enum(['input', 'generate', 'verify', 'deliverable']),
  stepIndex: z.number().int().min(0),
  stepCount: z.number().int().min(1),
  regenerations: z.number().int().min(0).optional(),
  durationMs: z.number().min(0).optional(),
});

export const sessionCompletedData = z.object({
  activeMinutes: minutes,
  activeMs: z.number().min(0).optional(),
  manualMinutes: minutes,
  regenerations: z.number().int().min(0).optional(),
  edits: z.number().int().min(0).optional(),
});

export const sessionRatedData = z.object({
  ratings: z.record(z.string(), score),
  meanRating: score,
  minutesTaken: minutes,
  manualMinutes: minutes,
  savedTimeGoesTo: z.enum(['deeper-analysis', 'customers', 'colleagues', 'learning', 'other']).nullable(),
  wouldReuse: z.boolean().nullable(),
  sharedForReview: z.boolean(),
});

export const sessionReviewedData = z.object({
  scores: z.record(z.string(), score),
  meanScore: score,
  reviewerRole: z.enum(['manager', 'author']).optional(),
});

export const workflowPublishedData = z.object({ versionNumber: z.number().int().min(1) });

export const levelChangedData = z.object({
  skillArea: z.string().min(1),
  fromLevel: z.number().int().min(0).max(4),
  toLevel: z.number().int().min(0).max(4),
});

export const workflowSharedData = z.object({ recipients: z.number().int().min(1).optional() });

export const credentialIssuedData = z.object({
  credentialId: z.string().uuid(),
  skillArea: z.string().min(1),
  validUntil: z.string().datetime(),
});
