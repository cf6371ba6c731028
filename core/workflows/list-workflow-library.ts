import { AppError } from '../errors';
import type { Store, WorkflowUsage } from '../ports';
import { loadWorkflowCandidates } from './load-workflow-candidates';
import { searchWorkflows, type SearchCandidate } from './search-workflows';
import type { Workflow } from './workflow';
import type { WorkflowViewer } from './workflow-access';
import type { WorkflowDefinition } from './workflow-definition';

export type LibraryEntry = {
  workflow: Workflow;
  definition: WorkflowDefinition;
  authorName: string;
  usage: WorkflowUsage;
  /** Why it is offered to this person, in the bot's words. */
  reason: string;
  mine: boolean;
};

export type LibraryFilter = {
  /** Words, matched as the bot's "find" matches them. */
  query?: string;
  skillArea?: string;
  /** A department the workflow suits; workflows that name no department suit every one. */
  department?: string;
  /** A job title (or part of one) the workflow suits; workflows that name none suit every role. */
  role?: string;
};

/**
 * The published workflows a person can browse, ranked exactly as the bot ranks them (searchWorkflows: words,
 * then fit to the person, then colleagues who adopted it), with the same social proof; `offset`/`limit` page
 * through the ranking.
 */
export async function listWorkflowLibrary(options: {
  store: Store;
  viewer: WorkflowViewer;
  filter: LibraryFilter;
  offset: number;
  limit: number;
}): Promise<{ entries: LibraryEntry[]; nextOffset: number | null }> {
  const { store, viewer, filter } = options;
  const tenantId = viewer.person.tenantId;
  if (filter.skillArea !== undefined) {
    const tenant = await store.tenants.get(tenantId);
    const known = tenant?.settings.skillAreas.map((area) => area.id) ?? [];
    if (!known.includes(filter.skillArea))
      throw new AppError('invalid_input', `skillArea must be one of ${known.join(', ')}`);
  }
  const candidates = (await loadWorkflowCandidates(store, tenantId)).filter((candidate) =>
    suits(candidate, filter),
  );
  const ranked = searchWorkflows({
    person: viewer.person,
    candidates,
    usage: await store.sessions.usageByWorkflow(tenantId),
    query: filter.query,
    skillArea: filter.skillArea,
    limit: options.offset + options.limit + 1,
  });
  const definitions = new Map(candidates.map((candidate) => [candidate.workflow.id, candidate.definition]));
  const page = ranked.slice(options.offset, options.offset + options.limit);
  return {
    entries: page.map((suggestion) => ({
      ...suggestion,
      definition: definitions.get(suggestion.workflow.id)!,
      mine: suggestion.workflow.authorId === viewer.person.id,
    })),
    nextOffset: ranked.length > options.offset + options.limit ? options.offset + options.limit : null,
  };
}

function suits({ definition }: SearchCandidate, filter: LibraryFilter): boolean {
  const { departments, jobTitles } = definition.suitedFor;
  const department = filter.department?.trim().toLowerCase();
  if (department && departments.length > 0 && !departments.some((name) => name.toLowerCase() === department))
    return false;
  const role = filter.role?.trim().toLowerCase();
  if (role && jobTitles.length > 0 && !jobTitles.some((title) => title.toLowerCase().includes(role)))
    return false;
  return true;
}
