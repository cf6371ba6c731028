import { Hono } from 'hono';
import { z } from 'zod';
import {
  NUDGE_KINDS,
  readTenantSettings,
  updateTenantSettings,
  type Clock,
  type Ids,
  type Store,
} from '../../../core';
import { readJsonBody } from '../read-json-body';
import type { HttpEnv } from '../types';
import { parseRequestBody } from './request-body';
import type { RouteAccess } from './route-access';

export const settingsRouteAccess: readonly RouteAccess[] = [
  { method: 'GET', path: '/api/v1/admin/settings', roles: ['admin'] },
  { method: 'PATCH', path: '/api/v1/admin/settings', roles: ['admin'] },
];

const skillAreaId = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9_-]{0,39}$/,
    'a skill area id starts with a lower-case letter and uses letters, digits, _ or - (at most 40)',
  );

const levelThresholds = z
  .object({
    practiceRuns: z.number().int().min(1).max(50),
    practiceDistinctWeeks: z.number().int().min(1).max(52),
    practiceWindowDays: z.number().int().min(1).max(365),
    qualityBar: z.number().min(1).max(5),
    multiplierColleagues: z.number().int().min(1).max(100),
    lapseDays: z.number().int().min(7).max(3650),
    timeZone: z.string().refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Paris'),
  })
  .strict();

/** Nudge switches per kind (false: sent to nobody), the weekly limit per person and local working hours. */
const nudgeSettings = z
  .object({
    kinds: z
      .object(Object.fromEntries(NUDGE_KINDS.map((kind) => [kind, z.boolean()])))
      .partial()
      .strict(),
    weeklyLimit: z.number().int().min(0).max(14),
    workingHours: z
      .object({ startHour: z.number().int().min(0).max(23), endHour: z.number().int().min(1).max(24) })
      .strict()
      .refine((hours) => hours.startHour < hours.endHour, 'workingHours.startHour must be before endHour'),
  })
  .partial()
  .strict();

/** What PATCH accepts: any of these keys; each given replaces the stored value (levelThresholds: by key). */
export const settingsPatch = z
  .object({
    skillAreas: z
      .array(z.object({ id: skillAreaId, name: z.string().trim().min(1).max(80) }).strict())
      .min(1, 'keep at least one skill area')
      .max(30),
    certificateSkillAreaPatterns: z
      .array(z.object({ pattern: z.string().trim().min(1).max(500), skillArea: skillAreaId }).strict())
      .max(200),
    levelThresholds: levelThresholds.partial(),
    managerVisibility: z.enum(['levels-only', 'shared', 'full']),
    nudgesEnabled: z.boolean(),
    nudges: nudgeSettings,
    retentionDays: z.number().int().min(7).max(3650),
  })
  .partial()
  .strict();

export const settingsResponse = z.object({
  displayName: z.string(),
  settings: settingsPatch.required().extend({ levelThresholds }),
});

/** GET and PATCH /admin/settings: the organisation's settings, for L&D admins; every change is audited. */
export function settingsRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  return new Hono<HttpEnv>()
    .get('/admin/settings', async (c) =>
      c.json(
        settingsResponse.parse(await readTenantSettings({ store: options.store, viewer: c.get('caller') })),
      ),
    )
    .patch('/admin/settings', async (c) => {
      const viewer = c.get('caller');
      // Refuse callers before reading what they sent, so a non-admin learns nothing from validation.
      await readTenantSettings({ store: options.store, viewer });
      const change = parseRequestBody(settingsPatch, await readJsonBody(c));
      return c.json(settingsResponse.parse(await updateTenantSettings({ ...options, viewer, change })));
    });
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
