import {
  AppError,
  DAY_MS,
  defaultTenantSettings,
  publishWorkflow,
  type Clock,
  type Ids,
  type Logger,
  type PersonProfile,
  type Store,
} from '../../core';
import { DEMO_CERTIFICATE_PATTERNS, DEMO_PEOPLE, DEMO_TENANT, DEMO_WORKFLOWS } from '../demo';
import { seedDemoCertificates } from './seed-certificates';
import { seedDemoHistory } from './seed-history';
import { seedDemoReviews } from './seed-reviews';

export type SeedSummary = {
  tenantCreated: boolean;
  people: number;
  workflowsPublished: number;
  /** Sessions of the 90-day demo history added now (0 when the tenant already had sessions). */
  sessionsSeeded: number;
  sessionsCompleted: number;
  sessionsAbandoned: number;
  sessionsOpen: number;
  /** LMS certificates added now (none when the demo people already have them). */
  certificatesSeeded: number;
  /** Managers' reviews of shared deliverables, and confirmed redesigns (L4), added now. */
  reviewsSeeded: number;
  attestationsSeeded: number;
};

/**
 * Loads the demo tenant through the same use cases the product uses. Idempotent: people are upserted by
 * Entra object id, a workflow whose title its author already published is left alone, and the 90 days of
 * session history ending now are added only while the tenant has no sessions.
 */
export async function seedDemoTenant(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /** Play the 90 days of session history too (default true). */
  history?: boolean;
}): Promise<SeedSummary> {
  const { store, clock, ids, logger } = options;
  const tenantCreated = await store.tenants.ensure({
    ...DEMO_TENANT,
    settings: { ...defaultTenantSettings(), certificateSkillAreaPatterns: DEMO_CERTIFICATE_PATTERNS },
  });
  for (const profile of managersFirst(DEMO_PEOPLE)) await store.people.upsertProfile(DEMO_TENANT.id, profile);

  let workflowsPublished = 0;
  // Published before the history that uses them starts, so dates in the tab read in the right order.
  const publishedAt = new Date(clock.now().getTime() - 91 * DAY_MS);
  const publishClock: Clock = { now: () => publishedAt };
  for (const { authorEmail, definition } of DEMO_WORKFLOWS) {
    const author = await store.people.findByEmail(DEMO_TENANT.id, authorEmail);
    if (!author)
      throw new AppError(
        'invalid_input',
        `Demo workflow "${definition.title}" names an unknown author ${authorEmail}`,
      );
    if (await store.workflows.findByTitle(DEMO_TENANT.id, definition.title)) continue;
    await publishWorkflow({
      store,
      clock: publishClock,
      ids,
      tenantId: DEMO_TENANT.id,
      authorId: author.id,
      definition,
    });
    workflowsPublished++;
  }
  const certificatesSeeded = await seedDemoCertificates({ store, clock, ids });
  const history =
    options.history === false
      ? { sessionsSeeded: 0, completed: 0, abandoned: 0, open: 0 }
      : await seedDemoHistory({ store, ids, logger, endAt: clock.now() });
  const reviewed =
    options.history === false
      ? { reviews: 0, attestations: 0 }
      : await seedDemoReviews({ store, ids, endAt: clock.now() });
  const summary: SeedSummary = {
    tenantCreated,
    people: DEMO_PEOPLE.length,
    workflowsPublished,
    sessionsSeeded: history.sessionsSeeded,
    sessionsCompleted: history.completed,
    sessionsAbandoned: history.abandoned,
    sessionsOpen: history.open,
    certificatesSeeded,
    reviewsSeeded: reviewed.reviews,
    attestationsSeeded: reviewed.attestations,
  };
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
