import { Hono } from 'hono';
import { z } from 'zod';
import {
  AppError,
  attestRedesign,
  listReviewRequests,
  reviewDeliverable,
  shareForReview,
  type Clock,
  type Ids,
  type Store,
} from '../../../core';
import { readJsonBody } from '../read-json-body';
import type { HttpEnv } from '../types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const reviewBody = z
  .object({
    // Values are checked against the rubric in core, which names the criterion in its message.
    scores: z.record(z.string(), z.unknown(), {
      error:
        'scores must be an object with a whole number from 1 to 5 per rubric criterion, e.g. {"accuracy": 4}',
    }),
    comment: z.string({ error: 'comment must be text' }).nullable().optional(),
  })
  .strict();

const attestationBody = z
  .object({
    skillArea: z.string({ error: 'skillArea must be the id of one of your organisation’s skill areas' }),
    note: z.string({ error: 'note must say, as text, which process was redesigned around AI and how' }),
  })
  .strict();

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys')
    throw new AppError('invalid_input', `Unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`);
  if (issue?.path.length === 0) throw new AppError('invalid_input', 'The request body must be a JSON object');
  throw new AppError('invalid_input', issue?.message ?? 'Invalid request body');
}

function requireId(value: string, message: string): string {
  if (!UUID.test(value)) throw new AppError('not_found', message);
  return value;
}

/**
 * The tab's review API: GET /reviews (what awaits me), POST /sessions/{id}/share (share my deliverable),
 * POST /sessions/{id}/review (score a deliverable shared with me), POST /people/{id}/attestations (L4).
 */
export function reviewRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  const { store } = options;
  return new Hono<HttpEnv>()
    .get('/reviews', async (c) => {
      const reviewer = c.get('caller').person;
      const requests = await listReviewRequests({
        store,
        tenantId: reviewer.tenantId,
        reviewerId: reviewer.id,
      });
      return c.json({ requests });
    })
    .post('/sessions/:id/share', async (c) => {
      const sessionId = requireId(c.req.param('id'), 'No session of yours has that id.');
      const owner = c.get('caller').person;
      const result = await shareForReview({
        ...options,
        tenantId: owner.tenantId,
        personId: owner.id,
        sessionId,
      });
      return c.json({ sessionId, shared: true, alreadyShared: result.alreadyShared });
    })
    .post('/sessions/:id/review', async (c) => {
      const sessionId = requireId(
        c.req.param('id'),
        'No deliverable shared with you for review has that id.',
      );
      const body = parseBody(reviewBody, await readJsonBody(c));
      const reviewer = c.get('caller').person;
      const { review, reviewerRole } = await reviewDeliverable({
        ...options,
        tenantId: reviewer.tenantId,
        reviewerId: reviewer.id,
        sessionId,
        input: body,
      });
      return c.json(
        {
          review: {
            id: review.id,
            sessionId: review.sessionId,
            reviewerRole,
            scores: review.scores,
            meanScore: review.meanScore,
            comment: review.comment,
            createdAt: review.createdAt,
          },
        },
        201,
      );
    })
    .post('/people/:id/attestations', async (c) => {
      const personId = requireId(c.req.param('id'), 'No one in your organisation has that id.');
      const body = parseBody(attestationBody, await readJsonBody(c));
      const manager = c.get('caller').person;
      const attestation = await attestRedesign({
        ...options,
        tenantId: manager.tenantId,
        managerId: manager.id,
        personId,
        skillArea: body.skillArea,
        note: body.note,
      });
      return c.json({ attestation }, 201);
    });
}
