export {
  defaultTenantSettings,
  DEFAULT_SKILL_AREAS,
  managerVisibilityOf,
  type ManagerVisibility,
  type SkillArea,
  type Tenant,
  type TenantSettings,
} from './tenant-settings';
