import { randomUUID } from 'node:crypto';
import { publishWorkflow, randomIds, type Person, type Review, type Session, type Store } from '../../core';
import { createStore } from '../../store';
import { fixedClock, newSession, personProfile, seedTenant, workflowDefinition } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';
import { feedback } from './review-scenario';

describe.each(testDatabaseKinds())('the reviews repository on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let tenantId: string;
  let manager: Person;
  let author: Person;
  let owner: Person;
  let workflowId: string;
  let versionId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = createStore(database.db);
    tenantId = await seedTenant(store);
    manager = await store.people.upsertProfile(tenantId, personProfile({ tenantId, displayName: 'Morgan' }));
    author = await store.people.upsertProfile(tenantId, personProfile({ tenantId, displayName: 'Alex' }));
    owner = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Jordan', managerAadObjectId: manager.aadObjectId }),
    );
    const published = await publishWorkflow({
      store,
      clock: fixedClock(),
      ids: randomIds,
      tenantId,
      authorId: author.id,
      definition: workflowDefinition(),
    });
    workflowId = published.workflow.id;
    versionId = published.version.id;
  });
  afterAll(() => database.drop());

  const session = async (overrides: Partial<Session> = {}) => {
    const created = newSession({
      tenantId,
      personId: owner.id,
      workflowId,
      workflowVersionId: versionId,
      status: 'completed',
      phase: 'done',
      deliverable: '# Memo',
      feedback: feedback(true),
      completedAt: new Date('2026-11-02T09:50:00Z'),
      ...overrides,
    });
    await store.sessions.create(created);
    return created;
  };
  const review = (sessionId: string, reviewerId: string, meanScore = 4): Review => ({
    id: randomUUID(),
    tenantId,
    sessionId,
    reviewerId,
    scores: { accuracy: meanScore, clarity: meanScore, actions: meanScore },
    meanScore,
    comment: null,
    createdAt: new Date('2026-11-03T09:00:00Z'),
  });

  it('keeps one review per reviewer per session even when two arrive at once', async () => {
    const target = await session();
    const results = await Promise.all(
      [2, 5].map((score) =>
        store.transaction((tx) => tx.reviews.addIfFirst(review(target.id, manager.id, score))),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.reviews.listForSession(tenantId, target.id)).toHaveLength(1);
    expect(await store.transaction((tx) => tx.reviews.addIfFirst(review(target.id, author.id)))).toBe(true);
    const stored = await store.reviews.findByReviewer(tenantId, target.id, author.id);
    expect(stored).toMatchObject({ meanScore: 4, scores: { accuracy: 4 } });
    expect(await store.reviews.get(tenantId, stored!.id)).toEqual(stored);
    expect(await store.reviews.get(randomUUID(), stored!.id)).toBeNull();
  });

  it('lists as candidates only shared, completed, stored deliverables of the reviewer’s reports or workflows not yet reviewed by them', async () => {
    const waiting = await session({ completedAt: new Date('2026-11-04T09:00:00Z') });
    const unshared = await session({ feedback: feedback(false) });
    const purged = await session({ deliverable: '', contentPurgedAt: new Date() });
    const unfinished = await session({ status: 'active', phase: 'steps', feedback: null, completedAt: null });
    const reviewed = await session();
    await store.transaction((tx) => tx.reviews.addIfFirst(review(reviewed.id, manager.id)));

    const forManager = await store.reviews.listCandidates(tenantId, manager.id, 50);
    const ids = forManager.map((candidate) => candidate.sessionId);
    expect(ids).toContain(waiting.id);
    for (const hidden of [unshared, purged, unfinished, reviewed]) expect(ids).not.toContain(hidden.id);
    expect(forManager.find((candidate) => candidate.sessionId === waiting.id)).toEqual({
      sessionId: waiting.id,
      ownerId: owner.id,
      ownerName: 'Jordan',
      ownerManagerId: manager.id,
      workflowId,
      workflowVersionId: versionId,
      workflowTitle: 'Monthly variance memo',
      workflowAuthorId: author.id,
      sharedForReview: true,
      completedAt: new Date('2026-11-04T09:00:00Z'),
      sharedAt: new Date('2026-11-02T10:00:00.000Z'),
    });
    // The author sees the one the manager already reviewed; the owner and other tenants see nothing.
    expect((await store.reviews.listCandidates(tenantId, author.id, 50)).map((c) => c.sessionId)).toContain(
      reviewed.id,
    );
    expect(await store.reviews.listCandidates(tenantId, owner.id, 50)).toEqual([]);
    expect(await store.reviews.listCandidates(await seedTenant(store), manager.id, 50)).toEqual([]);
  });
});
