export { DAY_MS, systemClock, type Clock } from './clock';
export { randomIds, type Ids } from './ids';
export type {
  AuditEntry,
  AuditRepository,
  PagePosition,
  EventRepository,
  PeopleRepository,
  ProcessedActivityRepository,
  SessionRepository,
  Store,
  TenantRepository,
  WorkflowRepository,
  VersionUsage,
  WorkflowUsage,
} from './store';
export { silentLogger, type Logger, type LogFields } from './logger';
