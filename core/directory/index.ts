export type { DirectoryChange, DirectoryUser } from './directory-user';
export {
  DirectoryResyncRequired,
  type DirectoryReadProgress,
  type DirectoryReader,
  type DirectoryRound,
} from './directory-reader';
export {
  emptyDirectorySyncState,
  type DirectorySyncCounts,
  type DirectorySyncKind,
  type DirectorySyncState,
  type DirectorySyncStateRepository,
} from './directory-sync-state';
export {
  managersFirst,
  planDirectoryChanges,
  profileFromDirectory,
  type DirectoryPlan,
} from './plan-directory-changes';
export { syncDirectory, type DirectorySyncOutcome } from './sync-directory';
export {
  importLmsIdentifiersCsv,
  LMS_CSV_MAX_ROWS,
  type LmsIdentifierImportResult,
  type LmsIdentifierRowError,
} from './import-lms-identifiers-csv';
