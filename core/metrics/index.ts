export { ROLLUP_EVENT_TYPES, SAVED_TIME_KEYS, MIN_GROUP_SIZE, type SavedTimeKey } from './definitions';
export {
  emptyPersonWeek,
  type PersonWeek,
  type PersonWeekRollup,
  type PersonWorkflowWeekRollup,
  type Rollups,
} from './rollup';
export { rollupsFromEvents, type RollupRules } from './rollups-from-events';
export type { GroupSums, MetricGroup, MetricsRepository, Transition, WeekSums } from './metrics-repository';
export {
  metricPeriod,
  startOfLocalDay,
  MAX_PERIOD_WEEKS,
  DEFAULT_PERIOD_WEEKS,
  type MetricPeriod,
} from './period';
export { withMetricRollups, updateRollupsAfter, rollupRulesOf } from './with-metric-rollups';
export { recomputeRollups, rowDifference } from './recompute-rollups';
export { computeFigures } from './compute-figures';
export type { MetricFigures, WeekFigures, LevelDistribution } from './figures';
export {
  readOrganisationMetrics,
  readTeamMetrics,
  readMyMetrics,
  type MetricScope,
  type MetricsView,
} from './read-metrics';
