import { AppError, type AppErrorDetail } from '../errors';
import type { CallerRole } from '../people';
import type { Clock, Ids, Store } from '../ports';
import { nudgeSettingsView } from '../nudges/nudge-settings';
import { DEFAULT_LEVEL_THRESHOLDS, type LevelThresholds } from '../proficiency/level-thresholds';
import { derivedDataToRecompute, RECOMPUTE_DERIVED_JOB } from './derived-data';
import type { Tenant, TenantSettings } from './tenant-settings';

/** Who asks: only L&D admins read or change their tenant's settings. */
export type SettingsViewer = { person: { id: string; tenantId: string }; roles: readonly CallerRole[] };

/** The keys an admin may change; each one given replaces the stored value (levelThresholds: merged by key). */
export type TenantSettingsChange = Partial<
  Pick<
    TenantSettings,
    | 'skillAreas'
    | 'managerVisibility'
    | 'retentionDays'
    | 'nudgesEnabled'
    | 'certificateSkillAreaPatterns'
    | 'levelThresholds'
    | 'nudges'
  >
>;

export type TenantSettingsView = {
  displayName: string;
  settings: Required<Omit<TenantSettings, 'levelThresholds'>> & { levelThresholds: LevelThresholds };
};

/** The tenant's settings as they apply: defaults filled in where the tenant has not chosen. */
export async function readTenantSettings(options: {
  store: Store;
  viewer: SettingsViewer;
}): Promise<TenantSettingsView> {
  requireAdmin(options.viewer);
  const tenantId = options.viewer.person.tenantId;
  return viewOf(await options.store.transaction((tx) => tenantOf(tx, tenantId)));
}

/**
 * Applies an admin's change to their tenant's settings and writes one audit entry with the before and after
 * of every key that changed (nothing when nothing changed). Refuses removing a skill area a workflow still
 * uses, and certificate patterns that name a skill area the tenant does not have.
 */
export async function updateTenantSettings(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: SettingsViewer;
  change: TenantSettingsChange;
}): Promise<TenantSettingsView> {
  const { store, viewer, change } = options;
  requireAdmin(viewer);
  const tenantId = viewer.person.tenantId;
  return store.transaction(async (tx) => {
    // Read afresh and locked: a cached copy could be another instance's older settings, and writing it back
    // would undo their change.
    const tenant = await tenantOf(tx, tenantId);
    const before = tenant.settings;
    const after: TenantSettings = {
      ...before,
      ...change,
      ...(change.levelThresholds
        ? { levelThresholds: { ...before.levelThresholds, ...change.levelThresholds } }
        : {}),
      ...(change.nudges
        ? {
            nudges: {
              ...before.nudges,
              ...change.nudges,
              kinds: { ...before.nudges?.kinds, ...change.nudges.kinds },
            },
          }
        : {}),
    };
    await checkRemovedAreasUnused(tx, tenantId, before, after);
    checkSkillAreas(after);
    const changed = (Object.keys(after) as (keyof TenantSettings)[]).filter(
      (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
    );
    if (changed.length === 0) return viewOf(tenant);
    await tx.tenants.updateSettings(tenantId, after);
    await tx.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: viewer.person.id,
      action: 'settings.changed',
      subjectPersonId: null,
      details: {
        changes: Object.fromEntries(
          changed.map((key) => [key, { before: before[key] ?? null, after: after[key] ?? null }]),
        ),
      },
      at: options.clock.now(),
    });
    // Stored levels and rollups follow the old rules until recomputed: queued with the change, so it happens.
    const recompute = derivedDataToRecompute(before, after);
    if (recompute.levels || recompute.rollups)
      await tx.jobs.enqueue({
        tenantId,
        kind: RECOMPUTE_DERIVED_JOB,
        payload: recompute,
        runAt: options.clock.now(),
        maxAttempts: 5,
      });
    return viewOf({ ...tenant, settings: after });
  });
}

function requireAdmin(viewer: SettingsViewer): void {
  if (!viewer.roles.includes('admin'))
    throw new AppError('forbidden', 'Only L&D admins can see or change the organisation’s settings');
}

async function tenantOf(store: Store, tenantId: string): Promise<Tenant> {
  const tenant = await store.tenants.getForUpdate(tenantId);
  if (!tenant) throw new AppError('tenant_not_allowed', `Tenant ${tenantId} is not set up for Practica`);
  return tenant;
}

function viewOf(tenant: Tenant): TenantSettingsView {
  return {
    displayName: tenant.displayName,
    settings: {
      ...tenant.settings,
      certificateSkillAreaPatterns: tenant.settings.certificateSkillAreaPatterns ?? [],
      levelThresholds: { ...DEFAULT_LEVEL_THRESHOLDS, ...tenant.settings.levelThresholds },
      nudges: nudgeSettingsView(tenant.settings.nudges),
    },
  };
}

function checkSkillAreas(settings: TenantSettings): void {
  const problems: AppErrorDetail[] = [];
  const ids = new Set<string>();
  settings.skillAreas.forEach((area, index) => {
    if (ids.has(area.id))
      problems.push({
        path: `skillAreas.${index}.id`,
        code: 'duplicate_skill_area',
        message: `skill area "${area.id}" is listed twice`,
      });
    ids.add(area.id);
  });
  (settings.certificateSkillAreaPatterns ?? []).forEach((pattern, index) => {
    if (!ids.has(pattern.skillArea))
      problems.push({
        path: `certificateSkillAreaPatterns.${index}.skillArea`,
        code: 'unknown_skill_area',
        message: `"${pattern.skillArea}" is not one of the skill areas (${[...ids].join(', ')})`,
      });
  });
  if (problems.length > 0)
    throw new AppError('invalid_input', `The settings are not valid: ${problems[0]!.message}`, {
      details: problems,
    });
}

async function checkRemovedAreasUnused(
  store: Store,
  tenantId: string,
  before: TenantSettings,
  after: TenantSettings,
): Promise<void> {
  const kept = new Set(after.skillAreas.map((area) => area.id));
  const removed = before.skillAreas.filter((area) => !kept.has(area.id)).map((area) => area.id);
  if (removed.length === 0) return;
  const users = (await store.workflows.listAll(tenantId)).filter(
    (workflow) => workflow.status !== 'retired' && removed.includes(workflow.skillArea),
  );
  if (users.length === 0) return;
  const details = users.map((workflow) => ({
    path: 'skillAreas',
    code: 'skill_area_in_use',
    message: `"${workflow.title}" (${workflow.status}) uses skill area "${workflow.skillArea}"`,
  }));
  throw new AppError(
    'conflict',
    `Skill area ${[...new Set(users.map((workflow) => `"${workflow.skillArea}"`))].join(', ')} is still used by ${users.length} workflow${users.length > 1 ? 's' : ''} (${users.map((workflow) => workflow.title).join(', ')}); retire them or move them to another area first.`,
    { details },
  );
}
