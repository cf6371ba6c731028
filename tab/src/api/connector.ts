import { z } from 'zod';

/** `GET /api/v1/admin/lrs/targets`: each LRS target's health. */
const targetsSchema = z.object({
  targets: z.array(
    z.object({
      name: z.string(),
      endpoint: z.string(),
      source: z.string(),
      problem: z.string().nullable(),
      backlog: z.number(),
      held: z.number(),
      dead: z.number(),
      sentLast24h: z.number(),
      lastSuccessAt: z.string().nullable(),
      lastErrorAt: z.string().nullable(),
      lastError: z.string().nullable(),
      paused: z.boolean(),
      pauseReason: z.string().nullable(),
    }),
  ),
});

/** `GET /api/v1/admin/lrs/targets/{name}/dead-letters`: statements the LRS refused, with its message. */
const deadLettersSchema = z.object({
  deadLetters: z.array(
    z.object({
      id: z.string(),
      statementId: z.string(),
      verb: z.string().nullable(),
      attempts: z.number(),
      error: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export type LrsTargetHealth = z.infer<typeof targetsSchema>['targets'][number];
export type DeadLetter = z.infer<typeof deadLettersSchema>['deadLetters'][number];

export const parseTargets = (body: unknown): LrsTargetHealth[] => targetsSchema.parse(body).targets;
export const parseDeadLetters = (body: unknown): DeadLetter[] => deadLettersSchema.parse(body).deadLetters;
