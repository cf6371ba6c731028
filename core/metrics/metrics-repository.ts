import type { DomainEvent } from '../events';
import type { SavedTimeKey } from './definitions';
import type { MetricPeriod } from './period';
import type { PersonWeek, PersonWeekRollup, PersonWorkflowWeekRollup, Rollups } from './rollup';

/** Whose figures: everyone active in the tenant, one department, a manager's direct reports, or listed people. */
export type MetricGroup =
  | { kind: 'organisation' }
  | { kind: 'department'; department: string }
  | { kind: 'reports'; managerId: string }
  | { kind: 'people'; personIds: string[] };

/** One week's sums over a group's members. */
export type WeekSums = {
  weekStart: string;
  sessionsStarted: number;
  sessionsCompleted: number;
  sessionsScored: number;
  sessionsMeetingBar: number;
  scoreSum: number;
  reviewedSessions: number;
  reviewedMeetingBar: number;
  reviewerScoreSum: number;
  manualMinutes: number;
  actualMinutes: number;
  reuseSessions: number;
};

export type Transition = 'l0ToL1' | 'l1ToL2' | 'l2ToL3';

/** What the database adds up for a group over a period; core/metrics turns it into the five metrics. */
export type GroupSums = {
  /** Active people in the group (see definitions.ts). */
  members: number;
  /** Only weeks with any figure; missing weeks are zeros. */
  weeks: WeekSums[];
  savedByDestination: Record<SavedTimeKey, number>;
  /** Members with at least one completed session in the period, and the median of their minutes saved. */
  peopleWithSessions: number;
  medianMinutesSavedPerPerson: number | null;
  /** Members whose authored workflows an active colleague completed in the period. */
  authorsReused: number;
  /** Workflows authored by members that ≥ 3 active colleagues completed in the period. */
  workflowsWithThreeAdopters: number;
  /** Members by their highest level in any skill area at each week's end (people at L0 are not listed). */
  levelsAtWeekEnds: { weekStart: string; level: number; people: number }[];
  /** First-time transitions whose later moment falls in the period: median days and how many. */
  velocity: { transition: Transition; medianDays: number | null; count: number }[];
};

export interface MetricsRepository {
  /**
   * Everything the rollups of a person's weeks inside `between` (from inclusive, to exclusive) rest on, in one
   * read, oldest first: their own events of the rollup types in it, every own event of a session they
   * completed in it (its rating or review may come later), and colleagues' `workflow.reused` events in it
   * naming them as the author.
   */
  rollupEvidence(
    tenantId: string,
    personId: string,
    between: { from: Date; to: Date },
  ): Promise<DomainEvent[]>;
  /** When the person completed each of these sessions (one instant per `session.completed` event). */
  sessionCompletions(tenantId: string, personId: string, sessionIds: readonly string[]): Promise<Date[]>;
  /** Every event rollups rest on, oldest first. */
  listRollupEvents(tenantId: string): Promise<DomainEvent[]>;
  /** Replaces the rows of the given (person, week)s with `rows` (rows outside those keys are ignored). */
  /**
   * Holds, until the transaction ends, the right to recompute these people's rollups: a second transaction
   * asking for one of them waits, then reads the events the first one wrote.
   */
  lockPeople(tenantId: string, personIds: string[]): Promise<void>;
  /**
   * Holds, until the transaction ends, every person's rollups of the tenant: upkeep in progress is waited for
   * and new upkeep waits (a from-scratch recompute, whose rows would otherwise miss what upkeep wrote meanwhile).
   */
  lockTenant(tenantId: string): Promise<void>;
  replaceRollups(tenantId: string, keys: PersonWeek[], rows: Rollups): Promise<void>;
  /** Replaces every rollup of the tenant. */
  replaceAllRollups(tenantId: string, rows: Rollups): Promise<void>;
  listRollups(
    tenantId: string,
  ): Promise<{ personWeeks: PersonWeekRollup[]; personWorkflowWeeks: PersonWorkflowWeekRollup[] }>;
  groupSums(tenantId: string, group: MetricGroup, period: MetricPeriod): Promise<GroupSums>;
  /**
   * Published workflows by how many active people of a department (other than each workflow's author)
   * completed them in weeks starting on or after `sinceWeek`, most adopted first.
   */
  popularInDepartment(
    tenantId: string,
    department: string,
    sinceWeek: string,
  ): Promise<{ workflowId: string; adopters: number }[]>;
  /** Every event about one workflow (any version), oldest first. */
  listWorkflowEvents(tenantId: string, workflowId: string): Promise<DomainEvent[]>;
  /** How many times each of these people completed each workflow, all time. */
  completionsByWorkflow(
    tenantId: string,
    personIds: string[],
  ): Promise<{ personId: string; workflowId: string; completions: number }[]>;
}
