import type { SearchCandidate } from '../../core';
import type { BotDependencies } from '../bot-dependencies';

/** Published workflows with their latest definitions and authors' names: what home, browse and search rank. */
export async function loadWorkflowCandidates(
  deps: BotDependencies,
  tenantId: string,
): Promise<SearchCandidate[]> {
  const candidates: SearchCandidate[] = [];
  for (const workflow of await deps.store.workflows.listPublished(tenantId)) {
    const [version, author] = await Promise.all([
      deps.store.workflows.latestVersion(tenantId, workflow.id),
      deps.store.people.get(tenantId, workflow.authorId),
    ]);
    if (version)
      candidates.push({
        workflow,
        definition: version.definition,
        authorName: author?.displayName ?? 'a colleague',
      });
  }
  return candidates;
}
