export { systemClock, type Clock } from './clock';
export { randomIds, type Ids } from './ids';
export type {
  Store,
  TenantRepository,
  PeopleRepository,
  WorkflowRepository,
  EventRepository,
  ProcessedActivityRepository,
  SessionRepository,
} from './store';
export { silentLogger, type Logger, type LogFields } from './logger';
