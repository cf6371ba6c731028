import { type Ids, type Logger, type Store, type WorkflowDefinition } from '../../core';
import { DEMO_TENANT, DEMO_WORKFLOWS } from '../demo';
import { HISTORY_CAST } from './history-cast';
import { planHistory, type PlannedRun } from './history-plan';
import { playHistory, type Scripted } from './history-player';
import { createRandom, mulberry32 } from './history-random';
import { scriptSession, type TimedAction } from './history-script';

/** The same seed every time, so every demo database tells the same story. */
const HISTORY_SEED = 20_260_301;
const HISTORY_DAYS = 90;

export type HistorySummary = {
  sessionsSeeded: number;
  completed: number;
  abandoned: number;
  open: number;
  people: number;
};

/**
 * Gives the demo tenant 90 days of use before `endAt`, by running the real session use cases on a clock the
 * seed moves itself (bring-your-own-AI mode, so no model is needed). Runs only while the tenant has no
 * sessions. Each day of history is one transaction, so a failure part-way keeps only the days before it.
 */
export async function seedDemoHistory(options: {
  store: Store;
  ids: Ids;
  logger: Logger;
  endAt: Date;
  random?: () => number;
}): Promise<HistorySummary> {
  const { store, ids, logger, endAt } = options;
  const tenantId = DEMO_TENANT.id;
  const empty: HistorySummary = { sessionsSeeded: 0, completed: 0, abandoned: 0, open: 0, people: 0 };
  if ((await store.events.listForTenant(tenantId, { type: 'session.started', limit: 1 })).length > 0) {
    logger.info('Demo history skipped: the tenant already has sessions');
    return empty;
  }
  const began = Date.now();
  const random = createRandom(options.random ?? mulberry32(HISTORY_SEED));
  const plan = planHistory({
    endAt,
    windowDays: HISTORY_DAYS,
    random,
    cast: HISTORY_CAST,
    authorTrials: DEMO_WORKFLOWS.map(({ authorEmail, definition }) => ({
      email: authorEmail,
      workflowTitle: definition.title,
    })),
  });
  const scripts = await scriptPlan(store, plan, (definition, run) => scriptSession(definition, run, random));

  await playHistory({ store, ids, tenantId, scripts });

  const count = (...outcomes: PlannedRun['outcome'][]) =>
    plan.filter((run) => outcomes.includes(run.outcome)).length;
  const summary: HistorySummary = {
    sessionsSeeded: plan.length,
    completed: count('completed'),
    abandoned: count('abandoned'),
    open: count('paused', 'active'),
    people: new Set(plan.map((run) => run.email)).size,
  };
  logger.info('Demo history loaded', { ...summary, elapsedMs: Date.now() - began });
  return summary;
}

/** Resolves each planned run's person and workflow, and checks the workflow suits them (or is their own). */
async function scriptPlan(
  store: Store,
  plan: readonly PlannedRun[],
  script: (definition: WorkflowDefinition, run: PlannedRun) => TimedAction[],
): Promise<Scripted[]> {
  const tenantId = DEMO_TENANT.id;
  const people = new Map((await store.people.list(tenantId)).map((person) => [person.email, person]));
  const workflows = new Map<string, { id: string; authorId: string; definition: WorkflowDefinition }>();
  for (const workflow of await store.workflows.listPublished(tenantId)) {
    const version = await store.workflows.latestVersion(tenantId, workflow.id);
    if (version)
      workflows.set(workflow.title, {
        id: workflow.id,
        authorId: workflow.authorId,
        definition: version.definition,
      });
  }
  return plan.map((run) => {
    const person = people.get(run.email);
    const workflow = workflows.get(run.workflowTitle);
    if (!person || !workflow)
      throw new Error(`Demo history names an unknown person or workflow: ${run.email}, ${run.workflowTitle}`);
    const suited = workflow.definition.suitedFor.departments.includes(person.department ?? '');
    if (!suited && workflow.authorId !== person.id)
      throw new Error(`Demo history: "${run.workflowTitle}" does not suit ${run.email}`);
    return {
      run,
      person,
      workflowId: workflow.id,
      actions: script(workflow.definition, run),
      sessionId: null,
    };
  });
}
