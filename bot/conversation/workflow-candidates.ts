import type { SearchCandidate } from '../../core';
import type { BotDependencies } from '../bot-dependencies';

/** Published workflows with their latest definitions and authors' names: what home, browse and search rank. */
export async function loadWorkflowCandidates(
  deps: BotDependencies,
  tenantId: string,
): Promise<SearchCandidate[]> {
  const catalogue = await deps.store.workflows.listPublishedCatalogue(tenantId);
  return catalogue.map(({ workflow, version, authorName }) => ({
    workflow,
    definition: version.definition,
    authorName: authorName ?? 'a colleague',
  }));
}
