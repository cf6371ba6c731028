import {
  DAY_MS,
  attestRedesign,
  listReviewRequests,
  reviewDeliverable,
  type Clock,
  type Ids,
  type Store,
} from '../../core';
import { DEMO_PEOPLE, DEMO_TENANT } from '../demo';
import { createRandom, mulberry32 } from './history-random';

const REVIEWS_PER_MANAGER = 4;

const COMMENTS = [
  'Clear and quick to read. Name an owner for each action next time.',
  'The figures tie out; the commentary on the two largest lines is exactly what the CFO asks for.',
  'Good structure. The second paragraph repeats the table; cut it.',
  'Solid. Add the source for the market share number.',
];

/** The redesign a manager confirms for the demo (L4 evidence): Rahul's team plans around AI workflows. */
export const DEMO_ATTESTATION = {
  managerEmail: 'margaret.chen@northwind.example',
  personEmail: 'rahul.mehta@northwind.example',
  skillArea: 'planning',
  note:
    'Rahul rebuilt the quarterly planning cycle around the planning workflows: the team drafts scenarios ' +
    'with them and the review meeting went from two hours to forty minutes.',
  daysBeforeEnd: 6,
};

const stableSeed = (text: string) =>
  [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16_777_619), 2_166_136_261);

/**
 * Managers score a few of the deliverables their reports shared (a couple of days after each was completed),
 * and one manager confirms a redesigned team process (L4 evidence), through the same use cases as the tab.
 * Added once: nothing when the tenant already has reviews, or the attestation.
 */
export async function seedDemoReviews(options: {
  store: Store;
  ids: Ids;
  endAt: Date;
}): Promise<{ reviews: number; attestations: number }> {
  const { store, ids, endAt } = options;
  const tenantId = DEMO_TENANT.id;
  let reviews = 0;
  const reviewedBefore = await store.events.listForTenant(tenantId, { type: 'session.reviewed', limit: 1 });
  if (reviewedBefore.length > 0)
    return { reviews: 0, attestations: await seedAttestation(store, ids, endAt) };
  const managers = new Set(
    DEMO_PEOPLE.map((person) => person.managerAadObjectId).filter((id) => id !== null),
  );
  for (const aadObjectId of [...managers].sort()) {
    const manager = await store.people.findByAadObjectId(tenantId, aadObjectId);
    if (!manager) continue;
    const requests = (await listReviewRequests({ store, tenantId, reviewerId: manager.id }))
      .filter((request) => request.reviewerRole === 'manager' && request.completedAt)
      .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime())
      .slice(0, REVIEWS_PER_MANAGER);
    for (const request of requests) {
      const random = createRandom(
        mulberry32(stableSeed(`${request.ownerName}/${request.completedAt!.toISOString()}`)),
      );
      const at = new Date(
        Math.min(request.completedAt!.getTime() + random.int(1, 3) * DAY_MS, endAt.getTime() - 3_600_000),
      );
      const clock: Clock = { now: () => at };
      await reviewDeliverable({
        store,
        clock,
        ids,
        tenantId,
        reviewerId: manager.id,
        sessionId: request.sessionId,
        input: {
          scores: Object.fromEntries(
            request.rubric.map((criterion) => [
              criterion.id,
              random.weighted([
                [3, 1],
                [4, 5],
                [5, 4],
              ] as const),
            ]),
          ),
          comment: random.pick(COMMENTS),
        },
      });
      reviews++;
    }
  }
  return { reviews, attestations: await seedAttestation(store, ids, endAt) };
}

async function seedAttestation(store: Store, ids: Ids, endAt: Date): Promise<number> {
  const tenantId = DEMO_TENANT.id;
  const [manager, person] = await Promise.all([
    store.people.findByEmail(tenantId, DEMO_ATTESTATION.managerEmail),
    store.people.findByEmail(tenantId, DEMO_ATTESTATION.personEmail),
  ]);
  if (!manager || !person) return 0;
  const existing = await store.events.listForTenant(tenantId, { type: 'practice.attested', limit: 1_000 });
  if (existing.some((event) => event.personId === person.id)) return 0;
  const at = new Date(endAt.getTime() - DEMO_ATTESTATION.daysBeforeEnd * DAY_MS);
  await attestRedesign({
    store,
    clock: { now: () => at },
    ids,
    tenantId,
    managerId: manager.id,
    personId: person.id,
    skillArea: DEMO_ATTESTATION.skillArea,
    note: DEMO_ATTESTATION.note,
  });
  return 1;
}
