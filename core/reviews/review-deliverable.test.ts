import { randomIds } from '../ports';
import { fixedClock } from '../../tests/factories';
import { feedback, reviewScenario } from '../../tests/reviews/review-scenario';
import { REVIEW_NOTICE_JOB } from './review';
import { reviewDeliverable } from './review-deliverable';

const scores = { accuracy: 4, clarity: 5, actions: 3 };

describe('reviewDeliverable', () => {
  const clock = fixedClock('2026-11-03T09:00:00.000Z');

  function setUp() {
    const scenario = reviewScenario();
    const review = (reviewerId: string, sessionId: string, input: object = { scores }) =>
      reviewDeliverable({
        store: scenario.fake.store,
        clock,
        ids: randomIds,
        tenantId: scenario.tenantId,
        reviewerId,
        sessionId,
        input: input as { scores: Record<string, unknown> },
      });
    return { ...scenario, review };
  }

  it('lets the manager score a shared deliverable, and records the event the levels and the LMS read', async () => {
    const { fake, manager, owner, workflowId, versionId, addSession, review } = setUp();
    const session = addSession();
    const result = await review(manager.id, session.id, { scores, comment: '  Clear memo.  ' });

    expect(result.reviewerRole).toBe('manager');
    expect(fake.tables.reviews).toEqual([
      expect.objectContaining({ reviewerId: manager.id, scores, meanScore: 4, comment: 'Clear memo.' }),
    ]);
    expect(fake.tables.events).toEqual([
      expect.objectContaining({
        type: 'session.reviewed',
        personId: owner.id,
        sessionId: session.id,
        workflowId,
        data: expect.objectContaining({
          reviewId: result.review.id,
          meanScore: 4,
          scores,
          reviewerId: manager.id,
          reviewerRole: 'manager',
          workflowVersionId: versionId,
        }),
      }),
    ]);
    expect(JSON.stringify(fake.tables.events)).not.toContain('Clear memo');
    expect(fake.tables.audit).toEqual([
      expect.objectContaining({
        action: 'deliverable.reviewed',
        actorId: manager.id,
        subjectPersonId: owner.id,
      }),
    ]);
    expect(fake.tables.jobs).toEqual([
      expect.objectContaining({ kind: REVIEW_NOTICE_JOB, payload: { reviewId: result.review.id } }),
    ]);
  });

  it('lets the workflow’s author review as author', async () => {
    const { author, addSession, review } = setUp();
    expect((await review(author.id, addSession().id)).reviewerRole).toBe('author');
  });

  it.each([
    ['a colleague', 'colleague', true, 'not_found'],
    ['the manager of an unshared deliverable', 'manager', false, 'not_found'],
    ['the author of an unshared deliverable', 'author', false, 'not_found'],
    ['the owner', 'owner', true, 'forbidden'],
  ] as const)('refuses %s and writes nothing', async (_label, who, shared, code) => {
    const scenario = setUp();
    const session = scenario.addSession({ feedback: feedback(shared) });
    await expect(scenario.review(scenario[who].id, session.id)).rejects.toMatchObject({ code });
    expect(scenario.fake.tables.reviews).toEqual([]);
    expect(scenario.fake.tables.events).toEqual([]);
    expect(scenario.fake.tables.audit).toEqual([]);
  });

  it('keeps a shared deliverable from the manager where the works council agreed levels-only; the author may still review', async () => {
    const scenario = setUp();
    scenario.fake.tenant.settings.managerVisibility = 'levels-only';
    const session = scenario.addSession();
    await expect(scenario.review(scenario.manager.id, session.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(scenario.fake.tables.reviews).toEqual([]);
    expect((await scenario.review(scenario.author.id, session.id)).reviewerRole).toBe('author');
  });

  it('refuses an id that is no session', async () => {
    const { manager, review } = setUp();
    await expect(review(manager.id, '0b9c3c7e-93a8-4a50-9d2c-4a4b0b1f6a3e')).rejects.toMatchObject({
      code: 'not_found',
      message: 'No deliverable shared with you for review has that id.',
    });
  });

  it('refuses a second review by the same reviewer and keeps the first', async () => {
    const { fake, manager, author, addSession, review } = setUp();
    const session = addSession();
    await review(manager.id, session.id);
    await expect(
      review(manager.id, session.id, { scores: { accuracy: 1, clarity: 1, actions: 1 } }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already reviewed') });
    expect(fake.tables.reviews.map((r) => r.meanScore)).toEqual([4]);
    expect(fake.tables.events).toHaveLength(1);
    expect(fake.tables.jobs).toHaveLength(1);
    // Another reviewer of the same deliverable still may.
    await review(author.id, session.id);
    expect(fake.tables.reviews).toHaveLength(2);
  });

  it('refuses a deliverable deleted after the retention period', async () => {
    const { manager, addSession, review } = setUp();
    const session = addSession({ deliverable: '', contentPurgedAt: new Date('2026-11-03T00:00:00Z') });
    await expect(review(manager.id, session.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('retention period'),
    });
  });

  it.each([
    ['a missing criterion', { scores: { accuracy: 4, clarity: 5 } }, 'Please score "Actions" from 1 to 5.'],
    [
      'an unknown criterion',
      { scores: { ...scores, tone: 4 } },
      '"tone" is not part of this workflow\'s rubric',
    ],
    ['a score above 5', { scores: { ...scores, clarity: 6 } }, '"Clarity" needs a whole number from 1 to 5.'],
    ['a fraction', { scores: { ...scores, clarity: 3.5 } }, '"Clarity" needs a whole number from 1 to 5.'],
    ['a string', { scores: { ...scores, clarity: '4' } }, '"Clarity" needs a whole number from 1 to 5.'],
    [
      'a comment too long',
      { scores, comment: 'x'.repeat(2_001) },
      'Please keep the comment under 2000 characters',
    ],
  ])('refuses %s with a clear message and writes nothing', async (_label, input, message) => {
    const { fake, manager, addSession, review } = setUp();
    await expect(review(manager.id, addSession().id, input)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining(message),
    });
    expect(fake.tables.reviews).toEqual([]);
    expect(fake.tables.events).toEqual([]);
  });
});
