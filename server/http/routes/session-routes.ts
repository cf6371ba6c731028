import { Hono } from 'hono';
import { z } from 'zod';
import { AppError, readDeliverable, readSession, type Clock, type Ids, type Store } from '../../../core';
import { markdownToDocx } from '../../documents/markdown-to-docx';
import type { HttpEnv } from '../types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function fileName(title: string, extension: string): string {
  const safe =
    title
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'deliverable';
  return `${safe}.${extension}`;
}

const sessionResponse = z.object({
  id: z.string(),
  viewerRole: z.enum(['owner', 'manager', 'author']),
  workflowId: z.string(),
  workflowTitle: z.string(),
  versionNumber: z.number().int().nullable(),
  status: z.enum(['active', 'paused', 'completed', 'abandoned']),
  phase: z.enum(['steps', 'feedback', 'done']),
  startedAt: z.date(),
  completedAt: z.date().nullable(),
  activeMinutes: z.number(),
  steps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      state: z.enum(['done', 'current', 'to do']),
      attempts: z.number().int(),
      outputSource: z.string().nullable(),
    }),
  ),
  feedback: z
    .object({
      ratings: z.record(z.string(), z.number()),
      meanRating: z.number(),
      minutesTaken: z.number(),
      manualMinutes: z.number(),
      savedTimeGoesTo: z.string().nullable(),
      whatBroke: z.object({ stepId: z.string().nullable(), text: z.string() }).nullable(),
      sharedForReview: z.boolean(),
    })
    .nullable(),
  hasDeliverable: z.boolean(),
  contentDeleted: z.boolean(),
});

const SESSION_ID = /^[0-9a-f-]{36}$/i;

/**
 * GET /api/v1/sessions/{id} (where a session stands; never its inputs or outputs) and
 * GET /api/v1/sessions/{id}/deliverable?format=markdown|docx, for the owner and, once shared, the reviewers.
 */
export function sessionRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  return new Hono<HttpEnv>()
    .get('/sessions/:id', async (c) => {
      const sessionId = c.req.param('id');
      if (!SESSION_ID.test(sessionId)) throw new AppError('not_found', 'No session of yours has that id.');
      const viewer = c.get('caller').person;
      const summary = await readSession({
        ...options,
        tenantId: viewer.tenantId,
        viewerId: viewer.id,
        sessionId,
      });
      return c.json(sessionResponse.parse(summary));
    })
    .get('/sessions/:id/deliverable', async (c) => {
      const format = c.req.query('format') ?? 'markdown';
      if (format !== 'markdown' && format !== 'docx')
        throw new AppError('invalid_input', 'format must be markdown or docx');
      const sessionId = c.req.param('id');
      if (!SESSION_ID.test(sessionId))
        throw new AppError('not_found', 'No deliverable of yours has that id.');
      const viewer = c.get('caller').person;
      const document = await readDeliverable({
        ...options,
        tenantId: viewer.tenantId,
        viewerId: viewer.id,
        sessionId,
      });
      if (format === 'markdown') {
        c.header('Content-Disposition', `attachment; filename="${fileName(document.title, 'md')}"`);
        return c.body(document.markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
      }
      const buffer = await markdownToDocx(document.markdown, {
        title: document.title,
        creator: document.ownerName,
      });
      c.header('Content-Disposition', `attachment; filename="${fileName(document.title, 'docx')}"`);
      return c.body(new Uint8Array(buffer), 200, { 'Content-Type': DOCX });
    });
}
