export {
  openDatabase,
  toNumber,
  type Database,
  type DatabaseKind,
  type DatabaseLocation,
  type Db,
} from './database';
export {
  migrateDatabase,
  isFullyMigrated,
  appliedMigrationCount,
  expectedMigrationCount,
  MIGRATION_LOCK_KEY,
} from './migrate';
export { createStore } from './postgres-store';
export { withReadCaches, DEFAULT_READ_CACHES, type ReadCacheOptions } from './read-caches';
export { nudgeRepository } from './repositories/nudge-repository';
export {
  credentialKeyRepository,
  type CredentialKeyRepository,
  type StoredSigningKey,
} from './repositories/credential-key-repository';
export { CHURNED_TABLES, vacuumChurnedTables, vacuumedByServer } from './vacuum';
export { rebuildTenantWeekRollups } from './repositories/tenant-week-sums';
