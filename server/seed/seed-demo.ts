import {
  AppError,
  defaultTenantSettings,
  publishWorkflow,
  type Clock,
  type Ids,
  type Logger,
  type PersonProfile,
  type Store,
} from '../../core';
import { DEMO_PEOPLE, DEMO_TENANT, DEMO_WORKFLOWS } from '../demo';

export type SeedSummary = { tenantCreated: boolean; people: number; workflowsPublished: number };

/**
 * Loads the demo tenant through the same use cases the product uses. Idempotent: people are upserted by
 * Entra object id, and a workflow whose title its author already published is left alone.
 */
export async function seedDemoTenant(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
}): Promise<SeedSummary> {
  const { store, clock, ids, logger } = options;
  const tenantCreated = await store.tenants.ensure({ ...DEMO_TENANT, settings: defaultTenantSettings() });
  for (const profile of managersFirst(DEMO_PEOPLE)) await store.people.upsertProfile(DEMO_TENANT.id, profile);

  let workflowsPublished = 0;
  for (const { authorEmail, definition } of DEMO_WORKFLOWS) {
    const author = await store.people.findByEmail(DEMO_TENANT.id, authorEmail);
    if (!author)
      throw new AppError(
        'invalid_input',
        `Demo workflow "${definition.title}" names an unknown author ${authorEmail}`,
      );
    if (await store.workflows.findByTitle(DEMO_TENANT.id, definition.title)) continue;
    await publishWorkflow({ store, clock, ids, tenantId: DEMO_TENANT.id, authorId: author.id, definition });
    workflowsPublished++;
  }
  const summary = { tenantCreated, people: DEMO_PEOPLE.length, workflowsPublished };
  logger.info('Demo tenant loaded', summary);
  return summary;
}

/** Orders people so that everyone's manager is written before them (the manager link is resolved on write). */
export function managersFirst(profiles: readonly PersonProfile[]): PersonProfile[] {
  const byAad = new Map(profiles.map((profile) => [profile.aadObjectId, profile]));
  const ordered: PersonProfile[] = [];
  const placed = new Set<string>();
  const place = (profile: PersonProfile, chain: Set<string>) => {
    if (placed.has(profile.aadObjectId)) return;
    if (chain.has(profile.aadObjectId)) throw new Error(`Management cycle at ${profile.email}`);
    chain.add(profile.aadObjectId);
    const manager = profile.managerAadObjectId ? byAad.get(profile.managerAadObjectId) : undefined;
    if (manager) place(manager, chain);
    placed.add(profile.aadObjectId);
    ordered.push(profile);
  };
  for (const profile of profiles) place(profile, new Set());
  return ordered;
}
