import { Hono } from 'hono';
import { z } from 'zod';
import {
  AppError,
  importLmsIdentifiersCsv,
  requireRole,
  type Clock,
  type Ids,
  type Person,
  type Store,
} from '../../../core';
import { DIRECTORY_SYNC_NOW_JOB } from '../../jobs/directory-sync-job';
import { MalformedJsonError } from '../read-json-body';
import type { Caller, HttpEnv } from '../types';

export type DirectoryAdminOptions = {
  store: Store;
  clock: Clock;
  ids: Ids;
  /** The Graph sync's tenant and settings; absent when DIRECTORY_SYNC is off. */
  directory?: { tenantId: string; intervalMinutes: number; lmsIdentifierAttribute: string };
};

const syncBody = z.object({ full: z.boolean().optional() }).strict();

/**
 * For L&D admins of their own tenant: how the directory sync stands (last run, full or delta, people created,
 * updated and left, last error, progress of a run under way), running one now, and importing LMS
 * identifiers from CSV.
 */
export function directoryAdminRoutes(options: DirectoryAdminOptions): Hono<HttpEnv> {
  const { store, clock, ids } = options;

  function adminOf({ person, roles }: Caller, doing: string): Person {
    requireRole(roles, 'admin', `Only L&D admins can ${doing}`);
    return person;
  }
  const syncsHere = (tenantId: string) => options.directory?.tenantId === tenantId.toLowerCase();

  return new Hono<HttpEnv>()
    .get('/admin/directory', async (c) => {
      const admin = adminOf(c.get('caller'), 'see the directory sync');
      const state = await store.directorySync.get(admin.tenantId);
      const configured = syncsHere(admin.tenantId);
      return c.json({
        source: configured ? 'microsoft-graph' : 'none',
        intervalMinutes: configured ? options.directory?.intervalMinutes : null,
        lmsIdentifierAttribute: configured ? options.directory?.lmsIdentifierAttribute : null,
        running: state?.runningSince
          ? { since: state.runningSince, pagesRead: state.pagesRead, changesRead: state.changesRead }
          : null,
        lastRun: state?.lastRunAt
          ? {
              at: state.lastRunAt,
              kind: state.lastRunKind,
              succeeded:
                state.lastSuccessAt !== null && state.lastSuccessAt.getTime() === state.lastRunAt.getTime(),
            }
          : null,
        lastSuccess: state?.lastSuccessAt ? { at: state.lastSuccessAt, counts: state.lastCounts } : null,
        lastFullSyncAt: state?.lastFullSyncAt ?? null,
        lastError: state?.lastErrorAt ? { at: state.lastErrorAt, message: state.lastError } : null,
      });
    })
    .post('/admin/directory/sync', async (c) => {
      const admin = adminOf(c.get('caller'), 'run the directory sync');
      if (!syncsHere(admin.tenantId))
        throw new AppError(
          'conflict',
          'Directory sync from Microsoft Graph is not configured for this tenant (DIRECTORY_SYNC=graph)',
        );
      const raw = await c.req.text();
      let json: unknown = {};
      if (raw.trim() !== '') {
        try {
          json = JSON.parse(raw);
        } catch (error) {
          throw new MalformedJsonError('The request body is not valid JSON', error);
        }
      }
      const body = syncBody.safeParse(json);
      if (!body.success)
        throw new AppError('invalid_input', 'The body may only say {"full": true|false}', {
          details: body.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        });
      const jobId = await store.jobs.enqueue({
        tenantId: admin.tenantId,
        kind: DIRECTORY_SYNC_NOW_JOB,
        payload: { full: body.data.full ?? false },
        runAt: clock.now(),
        uniqueKey: DIRECTORY_SYNC_NOW_JOB,
      });
      await store.audit.append({
        id: ids.uuid(),
        tenantId: admin.tenantId,
        actorId: admin.id,
        action: 'directory.sync_requested',
        subjectPersonId: null,
        details: { full: body.data.full ?? false, alreadyQueued: jobId === null },
        at: clock.now(),
      });
      return c.json({ queued: true, alreadyQueued: jobId === null, jobId }, 202);
    })
    .post('/admin/people/lms-identifiers', async (c) => {
      const admin = adminOf(c.get('caller'), 'import LMS identifiers');
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'text/csv')
        throw new AppError('invalid_input', 'Send the identifiers as a CSV file (Content-Type: text/csv)');
      const result = await importLmsIdentifiersCsv({
        store,
        clock,
        ids,
        tenantId: admin.tenantId,
        adminId: admin.id,
        csv: await c.req.text(),
      });
      return c.json(result);
    });
}
