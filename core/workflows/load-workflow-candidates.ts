import type { Store } from '../ports';
import type { SearchCandidate } from './search-workflows';

/** Published workflows with their latest definitions and authors' names: what the bot and the library rank. */
export async function loadWorkflowCandidates(store: Store, tenantId: string): Promise<SearchCandidate[]> {
  const catalogue = await store.workflows.listPublishedCatalogue(tenantId);
  return catalogue.map(({ workflow, version, authorName }) => ({
    workflow,
    definition: version.definition,
    authorName: authorName ?? 'a colleague',
  }));
}
