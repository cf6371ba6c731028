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
