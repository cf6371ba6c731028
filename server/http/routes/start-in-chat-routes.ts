import { Hono } from 'hono';
import { z } from 'zod';
import { AppError, startSessionInChat, type Clock, type Ids, type Store } from '../../../core';
import { readJsonBody } from '../read-json-body';
import type { HttpEnv } from '../types';
import { parseRequestBody } from './request-body';
import type { RouteAccess } from './route-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const startInChatRouteAccess: readonly RouteAccess[] = [
  {
    method: 'POST',
    path: '/api/v1/workflows/:id/start-in-chat',
    roles: ['employee'],
    scope: 'a published workflow of the caller’s tenant; the session is the caller’s own',
  },
];

const startInChatRequest = z
  .object({
    requestId: z
      .string({
        error: 'requestId must be a UUID the tab makes once per click, so a retry starts nothing twice',
      })
      .regex(UUID, 'requestId must be a UUID the tab makes once per click, so a retry starts nothing twice'),
  })
  .strict();

export const startInChatResponse = z
  .object({
    sessionId: z.string(),
    alreadyStarted: z.boolean(),
    /** Opens the employee's chat with the bot in Teams; null when the bot's app id is not configured. */
    chatUrl: z.string().nullable(),
  })
  .strict();

/** The Teams deep link to a 1:1 chat with the bot (`28:` marks a bot's id). */
export function botChatUrl(botAppId: string | undefined): string | null {
  return botAppId ? `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botAppId)}` : null;
}

/**
 * "Start in chat" on a workflow in the tab's library: the session opens now (202) and the bot posts its first
 * card to the employee's chat from a job; the tab then opens that chat with `chatUrl`.
 */
export function startInChatRoutes(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  llmAvailable: boolean;
  botAppId?: string;
}): Hono<HttpEnv> {
  return new Hono<HttpEnv>().post('/workflows/:id/start-in-chat', async (c) => {
    const workflowId = c.req.param('id');
    if (!UUID.test(workflowId)) throw new AppError('not_found', 'That workflow is not available any more.');
    const { requestId } = parseRequestBody(startInChatRequest, await readJsonBody(c));
    const started = await startSessionInChat({
      store: options.store,
      clock: options.clock,
      ids: options.ids,
      viewer: c.get('caller'),
      workflowId,
      requestId,
      llmAvailable: options.llmAvailable,
    });
    return c.json(startInChatResponse.parse({ ...started, chatUrl: botChatUrl(options.botAppId) }), 202);
  });
}
