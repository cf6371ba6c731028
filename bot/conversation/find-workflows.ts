import { searchWorkflows, type Person } from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { skillAreasCard, workflowListCard } from '../cards';
import { loadWorkflowCandidates } from './workflow-candidates';

const RESULTS = 5;

/** "find variance": workflows matching the words, best fit for this person first. */
export async function findWorkflowsCard(deps: BotDependencies, person: Person, query: string) {
  const results = searchWorkflows({
    person,
    candidates: await loadWorkflowCandidates(deps, person.tenantId),
    usage: await deps.store.sessions.usageByWorkflow(person.tenantId),
    query,
    limit: RESULTS,
  });
  return workflowListCard(
    `Workflows for "${query}"`,
    results,
    `No workflow matches "${query}". Try other words, or **browse**.`,
  );
}

/** "browse" lists the tenant's skill areas; "browse analysis" (name or id) lists that area's workflows. */
export async function browseWorkflowsCard(deps: BotDependencies, person: Person, area: string | undefined) {
  const tenant = await deps.store.tenants.get(person.tenantId);
  const areas = tenant?.settings.skillAreas ?? [];
  const wanted = area?.trim().toLowerCase();
  const chosen = wanted
    ? areas.find((candidate) => candidate.id === wanted || candidate.name.toLowerCase().startsWith(wanted))
    : undefined;
  if (!chosen) return skillAreasCard(areas);
  const results = searchWorkflows({
    person,
    candidates: await loadWorkflowCandidates(deps, person.tenantId),
    usage: await deps.store.sessions.usageByWorkflow(person.tenantId),
    skillArea: chosen.id,
    limit: 10,
  });
  return workflowListCard(chosen.name, results, `No workflows in ${chosen.name} yet.`);
}
