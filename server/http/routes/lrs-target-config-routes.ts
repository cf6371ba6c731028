import { Hono } from 'hono';
import {
  AppError,
  deleteLrsTarget,
  requireRole,
  saveLrsTarget,
  type Clock,
  type Ids,
  type SecretBox,
  type Store,
} from '../../../core';
import { createLrsClient, testLrsConnection } from '../../../lms-connector/client';
import type { LrsTarget } from '../../../lms-connector/targets';
import type { LrsTargetCatalog } from '../../lrs-targets/lrs-target-catalog';
import { parseRequestBody } from '../parse-request-body';
import { readJsonBody } from '../read-json-body';
import type { Caller, HttpEnv } from '../types';
import { createTargetBody, maskedSettings, targetInput, updateTargetBody } from './lrs-target-schemas';

export type LrsTargetConfigOptions = {
  store: Store;
  clock: Clock;
  ids: Ids;
  catalog: LrsTargetCatalog;
  secrets: SecretBox | null;
  environmentTargets: readonly LrsTarget[];
  /** Every usable target of a tenant (environment and admin-configured), for "test connection". */
  targetsFor: (tenantId: string) => readonly LrsTarget[];
  timeoutMs: number;
};

/**
 * LRS targets configured by L&D admins (issue 5): POST /admin/lrs/targets, PUT and DELETE
 * /admin/lrs/targets/{name}, and POST /admin/lrs/targets/{name}/test. Targets from the environment are
 * read-only here. The outbox writer and the dispatcher use a change at once on this instance (the catalog is
 * refreshed after it), on others within the catalog's refresh time.
 */
export function lrsTargetConfigRoutes(options: LrsTargetConfigOptions): Hono<HttpEnv> {
  const context = (caller: Caller) => {
    requireRole(caller.roles, 'admin', 'Only L&D admins can configure LRS targets');
    return {
      store: options.store,
      clock: options.clock,
      ids: options.ids,
      viewer: caller,
      secrets: options.secrets,
      environmentTargetNames: options.environmentTargets.map((target) => target.name),
    };
  };
  const describe = (tenantId: string, name: string) => {
    const entry = options.catalog
      .all()
      .find((item) => item.tenantId === tenantId && item.stored.name === name);
    if (!entry) throw new AppError('internal', `LRS target "${name}" was saved but is not in the catalog`);
    return {
      name,
      source: 'admin',
      editable: true,
      problem: entry.problem,
      settings: maskedSettings(entry.stored),
    };
  };

  return new Hono<HttpEnv>()
    .post('/admin/lrs/targets', async (c) => {
      const caller = c.get('caller');
      const admin = context(caller);
      const body = parseRequestBody(createTargetBody, await readJsonBody(c));
      const { name, ...settings } = body;
      await saveLrsTarget({ ...admin, name, input: targetInput(settings), mode: 'create' });
      await options.catalog.refresh();
      return c.json({ target: describe(caller.person.tenantId, name) }, 201);
    })
    .put('/admin/lrs/targets/:name', async (c) => {
      const caller = c.get('caller');
      const admin = context(caller);
      const name = c.req.param('name');
      const body = parseRequestBody(updateTargetBody, await readJsonBody(c));
      await saveLrsTarget({ ...admin, name, input: targetInput(body), mode: 'update' });
      await options.catalog.refresh();
      return c.json({ target: describe(caller.person.tenantId, name) });
    })
    .delete('/admin/lrs/targets/:name', async (c) => {
      const admin = context(c.get('caller'));
      await deleteLrsTarget({ ...admin, name: c.req.param('name') });
      await options.catalog.refresh();
      return c.body(null, 204);
    })
    .post('/admin/lrs/targets/:name/test', async (c) => {
      const caller = c.get('caller');
      context(caller);
      const name = c.req.param('name');
      const target = options.targetsFor(caller.person.tenantId).find((candidate) => candidate.name === name);
      if (!target) {
        const entry = options.catalog
          .all()
          .find((item) => item.tenantId === caller.person.tenantId && item.stored.name === name);
        if (entry?.problem) return c.json({ ok: false, problem: 'not_usable', message: entry.problem });
        throw new AppError('not_found', `No LRS target named "${name}"`);
      }
      const result = await testLrsConnection(createLrsClient(target, { timeoutMs: options.timeoutMs }));
      return c.json(
        result.ok ? { ok: true, version: result.versions[0] ?? null, versions: result.versions } : result,
      );
    });
}
