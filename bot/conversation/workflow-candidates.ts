import { loadWorkflowCandidates as loadCandidates, type SearchCandidate } from '../../core';
import type { BotDependencies } from '../bot-dependencies';

/** Published workflows with their latest definitions and authors' names: what home, browse and search rank. */
export async function loadWorkflowCandidates(
  deps: BotDependencies,
  tenantId: string,
): Promise<SearchCandidate[]> {
  return loadCandidates(deps.store, tenantId);
}
