import { z } from 'zod';

export const MANAGER_VISIBILITY = ['levels-only', 'shared', 'full'] as const;

const levelThresholds = z.object({
  practiceRuns: z.number(),
  practiceDistinctWeeks: z.number(),
  practiceWindowDays: z.number(),
  qualityBar: z.number(),
  multiplierColleagues: z.number(),
  lapseDays: z.number(),
  timeZone: z.string(),
});

/** `GET|PATCH /admin/settings`: the organisation's settings. */
const settingsSchema = z.object({
  displayName: z.string(),
  settings: z.object({
    skillAreas: z.array(z.object({ id: z.string(), name: z.string() })),
    certificateSkillAreaPatterns: z.array(z.object({ pattern: z.string(), skillArea: z.string() })),
    levelThresholds,
    managerVisibility: z.enum(MANAGER_VISIBILITY),
    nudgesEnabled: z.boolean(),
    nudges: z.object({
      kinds: z.record(z.string(), z.boolean()),
      weeklyLimit: z.number(),
      workingHours: z.object({ startHour: z.number(), endHour: z.number() }),
    }),
    retentionDays: z.number(),
  }),
});

/** `GET /admin/nudges/reach`: active people, and how many of them the bot can write to. */
const nudgeReachSchema = z.object({ activePeople: z.number(), reachable: z.number() });

const maskedAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), username: z.string(), secretSet: z.boolean() }),
  z.object({
    kind: z.literal('oauth2'),
    tokenUrl: z.string(),
    clientId: z.string(),
    scope: z.string().nullable(),
    secretSet: z.boolean(),
  }),
]);
const actor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), homePage: z.string() }),
  z.object({ kind: z.literal('mbox') }),
]);

/** `GET /admin/lrs/targets`: each target with its masked settings and outbox figures. */
const lrsTargetsSchema = z.object({
  targets: z.array(
    z
      .object({
        name: z.string(),
        endpoint: z.string(),
        source: z.string(),
        editable: z.boolean(),
        problem: z.string().nullable(),
        settings: z.object({ endpoint: z.string(), auth: maskedAuth, actor, sendFailed: z.boolean() }),
        paused: z.boolean(),
      })
      .loose(),
  ),
});

/** `POST /admin/lrs/targets/{name}/test` */
const connectionTestSchema = z
  .object({ ok: z.boolean(), version: z.string().nullable().optional(), message: z.string().optional() })
  .loose();

/** `POST /admin/certificates/import` */
const certificateImportSchema = z.object({
  rows: z.number(),
  added: z.number(),
  alreadyKnown: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
});

/** `POST /admin/people/lms-identifiers` */
const identifierImportSchema = z.object({
  rows: z.number(),
  applied: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ line: z.number(), code: z.string(), message: z.string() })),
});

/** `GET /audit`: newest first, paged by cursor. */
const auditSchema = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      subjectPersonId: z.string().nullable(),
      subjectName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type OrganisationSettings = z.infer<typeof settingsSchema>['settings'];
export type ManagerVisibility = OrganisationSettings['managerVisibility'];
export type NudgeSettings = OrganisationSettings['nudges'];
export type NudgeReach = z.infer<typeof nudgeReachSchema>;
export type LrsTargetRow = z.infer<typeof lrsTargetsSchema>['targets'][number];
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
export type CsvImportOutcome = { summary: string; errors: { line: number; message: string }[] };
export type AuditPage = z.infer<typeof auditSchema>;

export const parseSettings = (body: unknown) => settingsSchema.parse(body);
export const parseNudgeReach = (body: unknown): NudgeReach => nudgeReachSchema.parse(body);
export const parseLrsTargets = (body: unknown) => lrsTargetsSchema.parse(body);
export const parseConnectionTest = (body: unknown): ConnectionTest => connectionTestSchema.parse(body);
export const parseAudit = (body: unknown): AuditPage => auditSchema.parse(body);

export function parseCertificateImport(body: unknown): CsvImportOutcome {
  const result = certificateImportSchema.parse(body);
  return {
    summary: `${result.added} certificates added, ${result.alreadyKnown} already known, ${result.skipped} rows skipped.`,
    errors: result.errors,
  };
}

export function parseIdentifierImport(body: unknown): CsvImportOutcome {
  const result = identifierImportSchema.parse(body);
  return {
    summary: `${result.applied} identifiers set, ${result.unchanged} unchanged, ${result.errors.length} rows not applied.`,
    errors: result.errors,
  };
}
