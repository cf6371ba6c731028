import { z } from 'zod';

const rows = z.array(z.record(z.string(), z.unknown()));

/** GET …/export: every list the store holds about the person (see core/data-rights PersonDataSnapshot). */
export const personExportResponse = z
  .object({
    exportedAt: z.date(),
    person: z.record(z.string(), z.unknown()),
    sessions: rows,
    reviewsReceived: rows,
    reviewsGiven: rows,
    levels: rows,
    levelChanges: rows,
    events: rows,
    attestationsGiven: rows,
    certificates: rows,
    authoredWorkflows: rows,
    credentials: rows,
    captureInterviews: rows,
    nudgePreferences: z.record(z.string(), z.unknown()).nullable(),
    nudgesSent: z.array(z.object({ key: z.string(), kind: z.string(), sentAt: z.date() })),
    statements: z.array(
      z.object({
        target: z.string(),
        statementIds: z.array(z.string()),
        rows: z.array(z.object({ statementId: z.string(), status: z.string(), sentAt: z.date().nullable() })),
      }),
    ),
    auditEntries: rows,
  })
  .strict();

export const eraseRequest = z
  .object({
    confirmEmail: z
      .string({ error: 'confirmEmail must be the work email of the person to erase, typed out' })
      .trim()
      .min(1, 'confirmEmail must be the work email of the person to erase, typed out')
      .max(320),
  })
  .strict();

export const erasureResponse = z
  .object({
    personId: z.string(),
    erasedAt: z.date(),
    statements: z.array(
      z.object({
        target: z.string(),
        statementIds: z.array(z.string()),
        voidingQueued: z.boolean(),
        lrsSearched: z.boolean(),
      }),
    ),
    changed: z.record(z.string(), z.number().int()),
  })
  .strict();
