import { Hono } from 'hono';
import { AppError, readDeliverable, type Clock, type Ids, type Store } from '../../../core';
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

/** GET /api/v1/sessions/{id}/deliverable?format=markdown|docx: the deliverable, for its owner and reviewers. */
export function sessionRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  return new Hono<HttpEnv>().get('/sessions/:id/deliverable', async (c) => {
    const format = c.req.query('format') ?? 'markdown';
    if (format !== 'markdown' && format !== 'docx')
      throw new AppError('invalid_input', 'format must be markdown or docx');
    const sessionId = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(sessionId))
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
