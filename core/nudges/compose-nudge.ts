import { comingLapses, readCoaching } from '../coaching';
import type { Person } from '../people';
import { DAY_MS, type Ids, type Store } from '../ports';
import { listReviewRequests } from '../reviews/list-review-requests';
import { weekKey } from '../proficiency';
import type { Tenant } from '../tenants';
import type { NudgeMessage } from './nudge-message';
import type { NudgePlan } from './nudge-plan';
import type { NudgeStore } from './nudge-store';
import { composeAuthorSummary } from './compose-author-summary';
import { composeDepartmentDigest } from './compose-department-digest';
import { completionsUpTo, timeZoneOf } from './plan-nudges';

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const number = (value: unknown) => (typeof value === 'number' ? value : null);

/**
 * What the nudge says as of `now`, or null when it no longer makes sense: the workflow is gone, the person
 * already ran it again, the level is no longer about to lapse.
 */
export async function composeNudge(options: {
  store: Store;
  nudges: NudgeStore;
  tenant: Tenant;
  person: Person;
  plan: NudgePlan;
  now: Date;
  /** For the manager digest: coaching reads are written to the audit log under the manager. */
  ids: Ids;
}): Promise<NudgeMessage | null> {
  const { store, tenant, person, plan, now } = options;
  const workflowId = text(plan.data.workflowId);
  const workflow = workflowId ? await store.workflows.get(tenant.id, workflowId) : null;
  const published = workflow?.status === 'published' ? workflow : null;
  switch (plan.kind) {
    case 'low_rating_follow_up': {
      const sessionId = text(plan.data.sessionId);
      const session = sessionId ? await store.sessions.get(tenant.id, sessionId) : null;
      if (!published || !session) return null;
      const version = await store.workflows.latestVersion(tenant.id, published.id);
      const steps = version?.definition.steps ?? [];
      const brokenId = session.feedback?.whatBroke?.stepId ?? null;
      const tips = steps
        .flatMap((step) =>
          step.kind === 'generate' && step.tips
            ? [{ id: step.id, stepTitle: step.title, tip: step.tips }]
            : [],
        )
        .sort((a, b) => Number(b.id === brokenId) - Number(a.id === brokenId))
        .map(({ stepTitle, tip }) => ({ stepTitle, tip }));
      const usage = (await store.sessions.usageByWorkflow(tenant.id)).find(
        (row) => row.workflowId === published.id,
      );
      return {
        kind: 'low_rating_follow_up',
        workflowId: published.id,
        workflowTitle: published.title,
        brokenStep: steps.find((step) => step.id === brokenId)?.title ?? null,
        tips,
        colleagues: { completions: usage?.completions ?? 0, meanRating: usage?.meanRating ?? null },
      };
    }
    case 'toward_l2': {
      const runs = number(plan.data.runs);
      if (!published || runs === null) return null;
      // Ran it again since: the reminder has done its work already.
      if (
        (await completionsUpTo(store, tenant.id, person.id, { workflowId: published.id, occurredAt: now })) >
        runs
      )
        return null;
      return { kind: 'toward_l2', workflowId: published.id, workflowTitle: published.title, runs };
    }
    case 'author_reuse': {
      if (!published) return null;
      const week = text(plan.data.week);
      const zone = timeZoneOf(person, tenant);
      const reuses = await store.events.listEvidence(
        tenant.id,
        { personIds: [], workflowIds: [published.id] },
        ['workflow.reused'],
      );
      const reusesThisWeek = reuses.filter((event) => weekKey(event.occurredAt, zone) === week).length;
      if (reusesThisWeek === 0) return null;
      return {
        kind: 'author_reuse',
        workflowId: published.id,
        workflowTitle: published.title,
        reusesThisWeek,
      };
    }
    case 'lapse_warning': {
      const skillArea = text(plan.data.skillArea);
      const lapsesOn = text(plan.data.lapsesOn);
      const lapses = await comingLapses({
        store,
        tenantId: tenant.id,
        personId: person.id,
        now,
        settings: tenant.settings,
        timeZone: timeZoneOf(person, tenant),
      });
      const lapse = lapses.find(
        (candidate) => candidate.skillArea === skillArea && candidate.lapsesOn === lapsesOn,
      );
      if (!lapse) return null;
      let workflow: { id: string; title: string } | null = null;
      for (const session of await store.sessions.listForPerson(tenant.id, person.id, { limit: 20 })) {
        if (session.status !== 'completed') continue;
        const candidate = await store.workflows.get(tenant.id, session.workflowId);
        if (candidate?.status === 'published' && candidate.skillArea === lapse.skillArea) {
          workflow = { id: candidate.id, title: candidate.title };
          break;
        }
      }
      return {
        kind: 'lapse_warning',
        skillAreaName:
          tenant.settings.skillAreas.find((area) => area.id === lapse.skillArea)?.name ?? lapse.skillArea,
        level: lapse.level,
        lapsesOn: lapse.lapsesOn,
        workflow,
      };
    }
    case 'manager_digest': {
      const coaching = await readCoaching({
        store,
        clock: { now: () => now },
        ids: options.ids,
        viewer: { person, roles: ['manager'] },
        limit: 50,
      });
      if (coaching.reports.length === 0) return null;
      const reportIds = new Set(coaching.reports.map((report) => report.person.id));
      const completions = await store.events.listEvidence(
        tenant.id,
        { personIds: [...reportIds], workflowIds: [] },
        ['session.completed'],
      );
      const active = new Set(
        completions
          .filter((event) => event.personId && reportIds.has(event.personId))
          .filter((event) => now.getTime() - event.occurredAt.getTime() < 7 * DAY_MS)
          .map((event) => event.personId),
      );
      const awaiting = await listReviewRequests({ store, tenantId: tenant.id, reviewerId: person.id });
      return {
        kind: 'manager_digest',
        reports: reportIds.size,
        activeReports: active.size,
        awaitingReview: awaiting.length,
        suggestions: coaching.reports.flatMap((report) =>
          report.suggestions[0]
            ? [{ reportName: report.person.displayName, text: report.suggestions[0].text }]
            : [],
        ),
      };
    }
    case 'social_proof':
      return composeDepartmentDigest(options);
    case 'author_summary':
      return composeAuthorSummary(options);
    default:
      return null;
  }
}
