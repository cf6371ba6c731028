import type { CertificateSkillAreaPattern } from '../certificates';
import type { TenantNudgeSettings } from '../nudges/nudge-settings';
import type { LevelThresholds } from '../proficiency/level-thresholds';

export type ManagerVisibility = 'levels-only' | 'shared' | 'full';

export type SkillArea = { id: string; name: string };

export type TenantSettings = {
  skillAreas: SkillArea[];
  managerVisibility: ManagerVisibility;
  retentionDays: number;
  nudgesEnabled: boolean;
  /** Per-kind nudge switches, the weekly limit and working hours (defaults in core/nudges). */
  nudges?: TenantNudgeSettings;
  /** Which LMS certificates count in which skill area, by activity id (`*` matches anything). */
  certificateSkillAreaPatterns?: CertificateSkillAreaPattern[];
  /** The tenant's own numbers for the level rules; anything left out takes DESIGN section 5's default. */
  levelThresholds?: Partial<LevelThresholds>;
};

export type Tenant = {
  id: string;
  displayName: string;
  settings: TenantSettings;
};

export const DEFAULT_SKILL_AREAS: SkillArea[] = [
  { id: 'analysis', name: 'Analysis & reporting' },
  { id: 'writing', name: 'Writing & communication' },
  { id: 'research', name: 'Research & synthesis' },
  { id: 'planning', name: 'Planning & decisions' },
  { id: 'customer', name: 'Customer work' },
];

export function defaultTenantSettings(): TenantSettings {
  return {
    skillAreas: DEFAULT_SKILL_AREAS.map((area) => ({ ...area })),
    managerVisibility: 'shared',
    retentionDays: 90,
    nudgesEnabled: true,
  };
}
