import { Hono } from 'hono';
import {
  AppError,
  createWorkflowDraft,
  listMyWorkflows,
  listWorkflowLibrary,
  publishWorkflowDraft,
  readWorkflow,
  readWorkflowDraft,
  retireWorkflow,
  saveWorkflowDraft,
  validateWorkflowDraft,
  type Clock,
  type Ids,
  type Store,
} from '../../../core';
import { readJsonBody } from '../read-json-body';
import type { HttpEnv } from '../types';
import { pageLimit } from './page-cursor';
import { parseRequestBody } from './request-body';
import type { RouteAccess } from './route-access';
import {
  definitionBody,
  draftResponse,
  libraryResponse,
  myWorkflowsResponse,
  publishedResponse,
  retiredResponse,
  validationResponse,
  workflowResponse,
} from './workflow-schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVERYONE = ['employee'] as const;
const AUTHORS = ['author', 'admin'] as const;
const OWN = 'the workflow’s own author, or any admin; someone else’s draft is 404';

/** The workflow library and authoring routes, with who may call each. */
export const workflowRouteAccess: readonly RouteAccess[] = [
  { method: 'GET', path: '/api/v1/workflows', roles: EVERYONE },
  { method: 'GET', path: '/api/v1/me/workflows', roles: EVERYONE, scope: 'the workflows the caller wrote' },
  { method: 'GET', path: '/api/v1/workflows/:id', roles: EVERYONE, scope: 'drafts/retired: ' + OWN },
  { method: 'POST', path: '/api/v1/workflows', roles: AUTHORS },
  { method: 'GET', path: '/api/v1/workflows/:id/draft', roles: AUTHORS, scope: OWN },
  { method: 'PUT', path: '/api/v1/workflows/:id/draft', roles: AUTHORS, scope: OWN },
  { method: 'POST', path: '/api/v1/workflows/:id/draft/validate', roles: AUTHORS, scope: OWN },
  { method: 'POST', path: '/api/v1/workflows/:id/publish', roles: AUTHORS, scope: OWN },
  { method: 'POST', path: '/api/v1/workflows/:id/retire', roles: AUTHORS, scope: OWN },
];

/**
 * The tab's workflow library (published workflows ranked as the bot ranks them, with social proof) and
 * authoring (drafts, validation, publishing versions, retiring). `store` should be the one the bot reads
 * through, so a publish or retire here changes what the bot offers at once on this instance.
 */
export function workflowRoutes(options: { store: Store; clock: Clock; ids: Ids }): Hono<HttpEnv> {
  const { store, clock, ids } = options;
  return new Hono<HttpEnv>()
    .get('/workflows', async (c) => {
      const query = c.req.query();
      const limit = pageLimit(query.limit, 20, 50);
      const page = await listWorkflowLibrary({
        store,
        viewer: c.get('caller'),
        filter: {
          query: text(query.q, 'q', 200),
          skillArea: text(query.skillArea, 'skillArea', 40),
          department: text(query.department, 'department', 80),
          role: text(query.role, 'role', 120),
        },
        offset: decodeOffset(query.cursor),
        limit,
      });
      return c.json(
        libraryResponse.parse({
          workflows: page.entries.map((entry) => ({
            id: entry.workflow.id,
            title: entry.workflow.title,
            summary: entry.workflow.summary,
            skillArea: entry.definition.skillArea,
            suitedFor: entry.definition.suitedFor,
            manualMinutes: entry.definition.manualMinutes,
            versionNumber: entry.workflow.latestVersionNumber,
            author: { id: entry.workflow.authorId, name: entry.authorName },
            mine: entry.mine,
            reason: entry.reason,
            usage: usageOf(entry.usage),
          })),
          nextCursor: page.nextOffset === null ? null : encodeOffset(page.nextOffset),
        }),
      );
    })
    .get('/me/workflows', async (c) => {
      const mine = await listMyWorkflows({ store, viewer: c.get('caller') });
      return c.json(
        myWorkflowsResponse.parse({
          workflows: mine.map(({ workflow, hasDraft }) => ({
            id: workflow.id,
            title: workflow.title,
            skillArea: workflow.skillArea,
            status: workflow.status,
            latestVersionNumber: workflow.latestVersionNumber,
            hasDraft,
            updatedAt: workflow.updatedAt,
          })),
        }),
      );
    })
    .get('/workflows/:id', async (c) => {
      const caller = c.get('caller');
      const view = await readWorkflow({ store, viewer: caller, workflowId: workflowId(c.req.param('id')) });
      const { workflow, version } = view;
      return c.json(
        workflowResponse.parse({
          id: workflow.id,
          title: version?.definition.title ?? workflow.title,
          summary: version?.definition.summary ?? workflow.summary,
          skillArea: version?.definition.skillArea ?? workflow.skillArea,
          status: workflow.status,
          author: { id: workflow.authorId, name: view.authorName },
          mine: workflow.authorId === caller.person.id,
          canManage: view.versions !== null,
          usage: usageOf(view.usage),
          version: version && {
            id: version.id,
            versionNumber: version.versionNumber,
            publishedAt: version.publishedAt,
            ...version.definition,
          },
          versions: view.versions?.map(({ version: summary, usage }) => ({ ...summary, usage })) ?? null,
          hasDraft: view.hasDraft,
        }),
      );
    })
    .post('/workflows', async (c) => {
      const body = parseRequestBody(definitionBody, await readJsonBody(c));
      const { workflow, draft } = await createWorkflowDraft({
        store,
        clock,
        ids,
        viewer: c.get('caller'),
        definition: body.definition,
      });
      return c.json(
        draftResponse.parse({
          workflowId: workflow.id,
          status: workflow.status,
          latestVersionNumber: workflow.latestVersionNumber,
          draft,
        }),
        201,
      );
    })
    .get('/workflows/:id/draft', async (c) => {
      const { workflow, draft } = await readWorkflowDraft({
        store,
        viewer: c.get('caller'),
        workflowId: workflowId(c.req.param('id')),
      });
      return c.json(
        draftResponse.parse({
          workflowId: workflow.id,
          status: workflow.status,
          latestVersionNumber: workflow.latestVersionNumber,
          draft,
        }),
      );
    })
    .put('/workflows/:id/draft', async (c) => {
      const id = workflowId(c.req.param('id'));
      const body = parseRequestBody(definitionBody, await readJsonBody(c));
      await saveWorkflowDraft({
        store,
        clock,
        ids,
        viewer: c.get('caller'),
        workflowId: id,
        definition: body.definition,
      });
      const { workflow, draft } = await readWorkflowDraft({ store, viewer: c.get('caller'), workflowId: id });
      return c.json(
        draftResponse.parse({
          workflowId: workflow.id,
          status: workflow.status,
          latestVersionNumber: workflow.latestVersionNumber,
          draft,
        }),
      );
    })
    .post('/workflows/:id/draft/validate', async (c) => {
      const check = await validateWorkflowDraft({
        store,
        viewer: c.get('caller'),
        workflowId: workflowId(c.req.param('id')),
      });
      return c.json(validationResponse.parse(check.valid ? { valid: true, problems: [] } : check));
    })
    .post('/workflows/:id/publish', async (c) => {
      const { workflow, version } = await publishWorkflowDraft({
        store,
        clock,
        ids,
        viewer: c.get('caller'),
        workflowId: workflowId(c.req.param('id')),
      });
      return c.json(
        publishedResponse.parse({
          workflowId: workflow.id,
          status: workflow.status,
          version: {
            id: version.id,
            versionNumber: version.versionNumber,
            publishedAt: version.publishedAt,
          },
        }),
        201,
      );
    })
    .post('/workflows/:id/retire', async (c) => {
      const workflow = await retireWorkflow({
        store,
        clock,
        ids,
        viewer: c.get('caller'),
        workflowId: workflowId(c.req.param('id')),
      });
      return c.json(retiredResponse.parse({ workflowId: workflow.id, status: workflow.status }));
    });
}

function workflowId(value: string): string {
  if (!UUID.test(value)) throw new AppError('not_found', 'There is no such workflow in your organisation.');
  return value;
}

function text(value: string | undefined, name: string, max: number): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.length > max) throw new AppError('invalid_input', `${name} must be at most ${max} characters`);
  return value.trim();
}

function usageOf(usage: {
  completions: number;
  colleagues: number;
  medianMinutesSaved: number | null;
  meanRating: number | null;
}) {
  return {
    completed: usage.completions,
    adopters: usage.colleagues,
    medianMinutesSaved: usage.medianMinutesSaved,
    meanRating: usage.meanRating,
  };
}

/** The library is ranked, not ordered by time, so its cursor is an opaque position in the ranking. */
function encodeOffset(offset: number): string {
  return Buffer.from(`library|${offset}`, 'utf8').toString('base64url');
}

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^library\|(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new AppError('invalid_input', 'cursor must be the nextCursor of a previous page, unchanged');
  return Number(match[1]);
}
