import { fixedClock } from '../../tests/factories';
import { feedback, reviewScenario } from '../../tests/reviews/review-scenario';
import { listReviewRequests } from './list-review-requests';
import { SHARE_NOTICE_JOB, type ReviewCandidate } from './review';
import { shareForReview } from './share-for-review';

const clock = fixedClock('2026-11-03T09:00:00.000Z');

describe('shareForReview', () => {
  function setUp() {
    const scenario = reviewScenario();
    const share = (personId: string, sessionId: string) =>
      shareForReview({ store: scenario.fake.store, clock, tenantId: scenario.tenantId, personId, sessionId });
    return { ...scenario, share };
  }

  it('shares a rated deliverable once, tells the reviewers by a job, and changes nothing the second time', async () => {
    const { fake, owner, addSession, share } = setUp();
    const session = addSession({ feedback: feedback(false) });
    const first = await share(owner.id, session.id);
    expect(first.alreadyShared).toBe(false);
    const stored = fake.tables.sessions.find((s) => s.id === session.id)!;
    expect(stored.feedback?.sharedForReview).toBe(true);
    expect(stored.version).toBe(session.version + 1);
    expect(stored.feedback?.ratings).toEqual(session.feedback?.ratings);
    expect(fake.tables.jobs).toEqual([
      expect.objectContaining({ kind: SHARE_NOTICE_JOB, payload: { sessionId: session.id } }),
    ]);
    expect((await share(owner.id, session.id)).alreadyShared).toBe(true);
    expect(fake.tables.jobs).toHaveLength(1);
  });

  it('tries again on fresh state when another write won the race', async () => {
    const { fake, owner, addSession, share } = setUp();
    const session = addSession({ feedback: feedback(false) });
    fake.loseNextCompareAndSet = 1;
    expect((await share(owner.id, session.id)).alreadyShared).toBe(false);
    expect(fake.tables.jobs).toHaveLength(1);
  });

  it('refuses someone else’s session, an unfinished one and one awaiting feedback', async () => {
    const { fake, owner, manager, addSession, share } = setUp();
    const rated = addSession({ feedback: feedback(false) });
    await expect(share(manager.id, rated.id)).rejects.toMatchObject({ code: 'not_found' });
    const active = addSession({ status: 'active', phase: 'steps', feedback: null, deliverable: null });
    await expect(share(owner.id, active.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Finish the session first'),
    });
    const awaitingFeedback = addSession({ phase: 'feedback', feedback: null });
    await expect(share(owner.id, awaitingFeedback.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Give your feedback in the chat first'),
    });
    expect(fake.tables.jobs).toEqual([]);
    expect(fake.tables.sessions.every((s) => s.feedback?.sharedForReview !== true)).toBe(true);
  });
});

describe('listReviewRequests', () => {
  it('lists what the store found only when the access rule lets this reviewer see it, with the rubric to score', async () => {
    const { fake, tenantId, manager, author, owner, colleague, workflowId, versionId } = reviewScenario();
    const candidate = (overrides: Partial<ReviewCandidate>): ReviewCandidate => ({
      sessionId: '8f0e2a8e-6f55-4a39-a3c5-8d5b1a6c2f10',
      ownerId: owner.id,
      ownerName: owner.displayName,
      ownerManagerId: manager.id,
      workflowId,
      workflowVersionId: versionId,
      workflowTitle: 'Monthly variance memo',
      workflowAuthorId: author.id,
      sharedForReview: true,
      completedAt: new Date('2026-11-02T09:50:00Z'),
      sharedAt: new Date('2026-11-02T10:00:00Z'),
      ...overrides,
    });
    fake.candidates = [
      candidate({}),
      // Whatever a query returns, an unshared deliverable or someone else's report never reaches a reviewer.
      candidate({ sessionId: 'b1d2c3e4-0000-4000-8000-000000000001', sharedForReview: false }),
      candidate({ sessionId: 'b1d2c3e4-0000-4000-8000-000000000002', ownerManagerId: colleague.id }),
    ];
    const requests = await listReviewRequests({ store: fake.store, tenantId, reviewerId: manager.id });
    expect(requests).toEqual([
      expect.objectContaining({
        sessionId: '8f0e2a8e-6f55-4a39-a3c5-8d5b1a6c2f10',
        ownerName: 'Jordan Owner',
        reviewerRole: 'manager',
        rubric: [
          expect.objectContaining({ id: 'accuracy', criterion: 'Accuracy' }),
          expect.objectContaining({ id: 'clarity' }),
          expect.objectContaining({ id: 'actions' }),
        ],
      }),
    ]);

    fake.tenant.settings.managerVisibility = 'levels-only';
    expect(await listReviewRequests({ store: fake.store, tenantId, reviewerId: manager.id })).toEqual([]);
    const forAuthor = await listReviewRequests({ store: fake.store, tenantId, reviewerId: author.id });
    expect(forAuthor.map((request) => [request.sessionId, request.reviewerRole])).toEqual([
      ['8f0e2a8e-6f55-4a39-a3c5-8d5b1a6c2f10', 'author'],
      ['b1d2c3e4-0000-4000-8000-000000000002', 'author'],
    ]);
  });
});
