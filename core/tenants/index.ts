export {
  defaultTenantSettings,
  DEFAULT_SKILL_AREAS,
  type ManagerVisibility,
  type SkillArea,
  type Tenant,
  type TenantSettings,
} from './tenant-settings';
export {
  readTenantSettings,
  updateTenantSettings,
  type SettingsViewer,
  type TenantSettingsChange,
  type TenantSettingsView,
} from './update-tenant-settings';
export {
  derivedDataPayload,
  derivedDataToRecompute,
  RECOMPUTE_DERIVED_JOB,
  type DerivedDataToRecompute,
} from './derived-data';
