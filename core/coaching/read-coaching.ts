import { directReports, MIN_GROUP_SIZE, type Viewer } from '../access';
import { AppError } from '../errors';
import type { Person } from '../people';
import type { Clock, Ids, Store } from '../ports';
import { DAY_MS } from '../ports';
import { levelThresholdsOf } from '../proficiency/assess-person';
import { weekKey } from '../proficiency/week-key';
import { listReviewRequests } from '../reviews/list-review-requests';
import { defaultTenantSettings, type ManagerVisibility } from '../tenants';
import type { Workflow } from '../workflows';
import {
  POPULAR_MIN_ADOPTERS,
  POPULAR_WEEKS,
  PRACTISED_RUNS,
  type CoachingSuggestion,
  type ReportCoaching,
} from './coaching-suggestion';
import { comingLapses } from './lapse-coming';

export type CoachingView = {
  managerVisibility: ManagerVisibility;
  reports: ReportCoaching[];
  /** The last report of this page, to ask for the next one; null on the last page. */
  nextAfter: string | null;
};

const quoted = (title: string) => `“${title}”`;

/**
 * Coaching for a manager: per active direct report (ordered by id, `limit` after `after`), the next steps the
 * data supports — a peer's workflow popular in their department they have not run, a deliverable awaiting
 * the manager's review, a level about to lapse, a colleague who could show them a workflow. What the
 * suggestions reveal stays within what core/access lets the manager see under the tenant's managerVisibility;
 * each report read is written to the audit log.
 */
export async function readCoaching(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: Viewer;
  limit: number;
  after?: string;
}): Promise<CoachingView> {
  const { store, viewer } = options;
  const tenantId = viewer.person.tenantId;
  if (!viewer.roles.includes('manager'))
    throw new AppError('forbidden', 'Coaching suggestions are for managers; no one reports to you.');
  const now = options.clock.now();
  const [tenant, people, workflows] = await Promise.all([
    store.tenants.get(tenantId),
    store.people.list(tenantId),
    store.workflows.listPublished(tenantId),
  ]);
  const settings = tenant?.settings ?? defaultTenantSettings();
  const { timeZone } = levelThresholdsOf(settings);
  const team = directReports(viewer, people).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = team
    .filter((report) => options.after === undefined || report.id > options.after)
    .slice(0, options.limit);
  const byId = new Map(people.map((person) => [person.id, person]));
  const workflowsById = new Map(workflows.map((workflow) => [workflow.id, workflow]));
  const completions = await store.metrics.completionsByWorkflow(
    tenantId,
    team.map((report) => report.id),
  );
  const completionsOf = (personId: string, workflowId: string) =>
    completions.find((row) => row.personId === personId && row.workflowId === workflowId)?.completions ?? 0;
  const awaiting = await listReviewRequests({ store, tenantId, reviewerId: viewer.person.id });
  const sinceWeek = weekKey(new Date(now.getTime() - (POPULAR_WEEKS - 1) * 7 * DAY_MS), timeZone);
  const popularByDepartment = new Map<string, Awaited<ReturnType<Store['metrics']['popularInDepartment']>>>();
  const areaName = (id: string) => settings.skillAreas.find((area) => area.id === id)?.name ?? id;

  const reports: ReportCoaching[] = [];
  for (const report of page) {
    const suggestions: CoachingSuggestion[] = [];
    const first = report.displayName.split(' ')[0] ?? report.displayName;

    let tryWorkflow: Workflow | null = null;
    if (report.department) {
      if (!popularByDepartment.has(report.department))
        popularByDepartment.set(
          report.department,
          await store.metrics.popularInDepartment(tenantId, report.department, sinceWeek),
        );
      const popular = popularByDepartment
        .get(report.department)!
        .find(
          (row) =>
            row.adopters >= POPULAR_MIN_ADOPTERS &&
            workflowsById.get(row.workflowId)?.authorId !== report.id &&
            completionsOf(report.id, row.workflowId) === 0,
        );
      const workflow = popular ? workflowsById.get(popular.workflowId) : undefined;
      if (popular && workflow) {
        tryWorkflow = workflow;
        const author = byId.get(workflow.authorId)?.displayName ?? 'a colleague';
        // A count of people is shown only for a group of the minimum size; below it, no number.
        const who =
          popular.adopters >= MIN_GROUP_SIZE ? `${popular.adopters} colleagues` : 'Several colleagues';
        suggestions.push({
          kind: 'try_workflow',
          workflowId: workflow.id,
          workflowTitle: workflow.title,
          authorName: author,
          departmentAdopters: popular.adopters,
          text: `${who} in ${report.department} ran ${quoted(workflow.title)} by ${author} in the last ${POPULAR_WEEKS} weeks; ${first} has not tried it yet.`,
        });
      }
    }

    for (const request of awaiting.filter(
      (item) => item.ownerId === report.id && item.reviewerRole === 'manager',
    ))
      suggestions.push({
        kind: 'review_deliverable',
        sessionId: request.sessionId,
        workflowTitle: request.workflowTitle,
        sharedAt: request.sharedAt,
        text: `${first} shared a ${quoted(request.workflowTitle)} deliverable for your review.`,
      });

    for (const lapse of await comingLapses({ store, tenantId, personId: report.id, now, settings, timeZone }))
      suggestions.push({
        kind: 'lapse_coming',
        skillArea: lapse.skillArea,
        skillAreaName: areaName(lapse.skillArea),
        level: lapse.level,
        lapsesOn: lapse.lapsesOn,
        text: `${first}'s L${lapse.level} in ${areaName(lapse.skillArea)} lapses by ${lapse.lapsesOn} unless they complete a session in that area.`,
      });

    const show = colleagueWhoCouldShow({
      report,
      team,
      candidates: [
        ...(tryWorkflow ? [tryWorkflow] : []),
        ...workflows.filter((workflow) => {
          const runs = completionsOf(report.id, workflow.id);
          return runs > 0 && runs < PRACTISED_RUNS;
        }),
      ],
      completionsOf,
      byId,
      managerVisibility: settings.managerVisibility,
    });
    if (show) suggestions.push(show);

    reports.push({
      person: { id: report.id, displayName: report.displayName, jobTitle: report.jobTitle },
      suggestions,
    });
    await store.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: viewer.person.id,
      action: 'coaching.read',
      subjectPersonId: report.id,
      details: {
        managerVisibility: settings.managerVisibility,
        suggestions: suggestions.map((item) => item.kind),
      },
      at: now,
    });
  }
  const last = page.at(-1);
  return {
    managerVisibility: settings.managerVisibility,
    reports,
    nextAfter: last && team.some((report) => report.id > last.id) ? last.id : null,
  };
}

/**
 * Who could show the report a workflow they are about to try or still practising: under `full` visibility
 * (the manager sees their reports' sessions) another report who has run it PRACTISED_RUNS times or more;
 * otherwise, or when none has, its author (authors are public in the catalogue).
 */
function colleagueWhoCouldShow(options: {
  report: Person;
  team: Person[];
  candidates: Workflow[];
  completionsOf: (personId: string, workflowId: string) => number;
  byId: Map<string, Person>;
  managerVisibility: ManagerVisibility;
}): CoachingSuggestion | null {
  const { report } = options;
  const first = report.displayName.split(' ')[0] ?? report.displayName;
  for (const workflow of options.candidates) {
    if (options.managerVisibility === 'full') {
      const teammate = options.team
        .filter((person) => person.id !== report.id && person.id !== workflow.authorId)
        .map((person) => ({ person, runs: options.completionsOf(person.id, workflow.id) }))
        .filter((entry) => entry.runs >= PRACTISED_RUNS)
        .sort((a, b) => b.runs - a.runs)[0];
      if (teammate)
        return {
          kind: 'colleague_can_show',
          workflowId: workflow.id,
          workflowTitle: workflow.title,
          colleagueId: teammate.person.id,
          colleagueName: teammate.person.displayName,
          because: 'teammate',
          text: `${teammate.person.displayName} has run ${quoted(workflow.title)} ${teammate.runs} times and could show ${first} how.`,
        };
    }
    const author = options.byId.get(workflow.authorId);
    if (author && author.active && author.id !== report.id)
      return {
        kind: 'colleague_can_show',
        workflowId: workflow.id,
        workflowTitle: workflow.title,
        colleagueId: author.id,
        colleagueName: author.displayName,
        because: 'author',
        text: `${author.displayName} wrote ${quoted(workflow.title)} and could show ${first} how they use it.`,
      };
  }
  return null;
}
