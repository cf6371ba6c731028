import { mayShowGroupFigure, MIN_GROUP_SIZE, type Viewer } from '../access';
import { AppError } from '../errors';
import type { Clock, Store } from '../ports';
import { levelThresholdsOf } from '../proficiency/assess-person';
import { computeFigures } from './compute-figures';
import type { MetricFigures } from './figures';
import type { MetricGroup } from './metrics-repository';
import { metricPeriod } from './period';

export type MetricScope =
  | { kind: 'organisation'; department: string | null }
  | { kind: 'team'; managerId: string }
  | { kind: 'person'; personId: string };

export type MetricsView = {
  scope: MetricScope;
  period: { from: string; to: string; weeks: number; timeZone: string };
  /** Null when the group is smaller than the minimum group size; `withheld` says why. */
  figures: MetricFigures | null;
  withheld: string | null;
};

type PeriodInput = { from?: string; to?: string };

async function readFor(options: {
  store: Store;
  clock: Clock;
  tenantId: string;
  scope: MetricScope;
  group: MetricGroup;
  period: PeriodInput;
  minimumGroup: boolean;
}): Promise<MetricsView> {
  const thresholds = levelThresholdsOf((await options.store.tenants.get(options.tenantId))?.settings);
  const period = metricPeriod({ ...options.period, now: options.clock.now(), timeZone: thresholds.timeZone });
  const last = new Date(Date.parse(`${period.weeks.at(-1)!}T00:00:00Z`) + 6 * 86_400_000);
  const view = {
    scope: options.scope,
    period: {
      from: period.weeks[0]!,
      to: last.toISOString().slice(0, 10),
      weeks: period.weeks.length,
      timeZone: period.timeZone,
    },
  };
  const sums = await options.store.metrics.groupSums(options.tenantId, options.group, period);
  if (options.minimumGroup && !mayShowGroupFigure(sums.members))
    return {
      ...view,
      figures: null,
      withheld: `Figures are shown for groups of ${MIN_GROUP_SIZE} or more active people; this one has ${sums.members}.`,
    };
  return { ...view, figures: computeFigures(sums, period, thresholds.qualityBar), withheld: null };
}

/** The organisation's metrics, or one department's: L&D admins only, aggregates only, no group under 5. */
export async function readOrganisationMetrics(options: {
  store: Store;
  clock: Clock;
  viewer: Viewer;
  department?: string;
  period: PeriodInput;
}): Promise<MetricsView> {
  if (!options.viewer.roles.includes('admin'))
    throw new AppError('forbidden', 'Organisation metrics are for L&D admins.');
  const department = options.department?.trim() || null;
  return readFor({
    ...options,
    tenantId: options.viewer.person.tenantId,
    scope: { kind: 'organisation', department },
    group: department ? { kind: 'department', department } : { kind: 'organisation' },
    minimumGroup: true,
  });
}

/** A manager's team (their active direct reports) as one group: never shown for fewer than 5 people. */
export async function readTeamMetrics(options: {
  store: Store;
  clock: Clock;
  viewer: Viewer;
  period: PeriodInput;
}): Promise<MetricsView> {
  const { viewer } = options;
  // 'manager' is an effective role: someone who has not left reports to the viewer (core/people).
  if (!viewer.roles.includes('manager'))
    throw new AppError('forbidden', 'Team metrics are for managers; no one reports to you.');
  return readFor({
    ...options,
    tenantId: viewer.person.tenantId,
    scope: { kind: 'team', managerId: viewer.person.id },
    // The same team as core/access directReports: active people whose manager is the viewer.
    group: { kind: 'reports', managerId: viewer.person.id },
    minimumGroup: true,
  });
}

/** The signed-in person's own figures (no minimum: they are theirs). */
export async function readMyMetrics(options: {
  store: Store;
  clock: Clock;
  viewer: Viewer;
  period: PeriodInput;
}): Promise<MetricsView> {
  const { viewer } = options;
  return readFor({
    ...options,
    tenantId: viewer.person.tenantId,
    scope: { kind: 'person', personId: viewer.person.id },
    group: { kind: 'people', personIds: [viewer.person.id] },
    minimumGroup: false,
  });
}
