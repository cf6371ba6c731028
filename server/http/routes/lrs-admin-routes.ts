import { Hono } from 'hono';
import { z } from 'zod';
import { AppError, requireRole, type Clock, type Ids, type Person, type Store } from '../../../core';
import type { LrsTarget } from '../../../lms-connector/targets';
import type { Context } from 'hono';
import type { CatalogTarget } from '../../lrs-targets/lrs-target-catalog';
import { MalformedJsonError } from '../read-json-body';
import type { Caller, HttpEnv } from '../types';
import { maskedSettings } from './lrs-target-schemas';

export type LrsAdminOptions = {
  store: Store;
  clock: Clock;
  ids: Ids;
  targetsFor: (tenantId: string) => readonly LrsTarget[];
  /** Targets admins configured (the rest come from the environment), with those that cannot be used. */
  configuredTargets?: () => readonly CatalogTarget[];
};

const requeueBody = z
  .object({
    ids: z
      .array(z.uuid({ message: 'each id must be a dead letter id (a UUID)' }))
      .max(1000)
      .optional(),
  })
  .strict();
const pauseBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict();

/**
 * Connector health for L&D admins, per LRS target of their own tenant: backlog, held, sent in the last
 * 24 h, last success and error, dead letters with the LRS's message, re-queue, pause and resume.
 */
export function lrsAdminRoutes(options: LrsAdminOptions): Hono<HttpEnv> {
  const { store, clock } = options;

  function adminOf({ person, roles }: Caller): Person {
    requireRole(roles, 'admin', 'Only L&D admins can see the LMS connector');
    return person;
  }

  function targetOf(tenantId: string, name: string): LrsTarget {
    const target = options.targetsFor(tenantId).find((candidate) => candidate.name === name);
    if (!target) throw new AppError('not_found', `No LRS target named "${name}"`);
    return target;
  }

  async function audit(admin: Person, action: string, details: Record<string, unknown>) {
    await store.audit.append({
      id: options.ids.uuid(),
      tenantId: admin.tenantId,
      actorId: admin.id,
      action,
      subjectPersonId: null,
      details,
      at: clock.now(),
    });
  }

  return new Hono<HttpEnv>()
    .get('/admin/lrs/targets', async (c) => {
      const admin = adminOf(c.get('caller'));
      const targets = options.targetsFor(admin.tenantId);
      const configured = (options.configuredTargets?.() ?? []).filter(
        (entry) => entry.tenantId === admin.tenantId,
      );
      const unusable = configured.filter((entry) => entry.problem !== null);
      const shown = [
        ...targets.map((target) => {
          const fromAdmin = configured.some((entry) => entry.target?.name === target.name);
          return { target, source: fromAdmin ? 'admin' : 'environment', problem: null };
        }),
        ...unusable.map((entry) => ({ target: entry.stored, source: 'admin', problem: entry.problem })),
      ];
      const stats = await store.xapiOutbox.stats(
        admin.tenantId,
        shown.map(({ target }) => target.name),
        clock.now(),
      );
      return c.json({
        targets: shown.map(({ target, source, problem }, index) => ({
          name: target.name,
          endpoint: target.endpoint,
          auth: target.auth.kind,
          actor: target.actor.kind,
          source,
          editable: source === 'admin',
          problem,
          settings: maskedSettings(target),
          ...stats[index]!,
          paused: stats[index]!.pausedAt !== null,
        })),
      });
    })
    .get('/admin/lrs/targets/:target/dead-letters', async (c) => {
      const admin = adminOf(c.get('caller'));
      const target = targetOf(admin.tenantId, c.req.param('target'));
      const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
      const rows = await store.xapiOutbox.list(admin.tenantId, {
        target: target.name,
        status: 'dead',
        limit,
      });
      return c.json({
        deadLetters: rows.map((row) => ({
          id: row.id,
          statementId: row.statementId,
          eventId: row.eventId,
          verb: (row.payload.verb as { id?: unknown } | undefined)?.id ?? null,
          attempts: row.attempts,
          error: row.lastError,
          createdAt: row.createdAt,
        })),
      });
    })
    .post('/admin/lrs/targets/:target/requeue', async (c) => {
      const admin = adminOf(c.get('caller'));
      const target = targetOf(admin.tenantId, c.req.param('target'));
      const body = parseBody(requeueBody, await optionalJsonBody(c));
      const requeued = await store.xapiOutbox.requeueDead({
        tenantId: admin.tenantId,
        target: target.name,
        ids: body.ids,
        now: clock.now(),
      });
      await audit(admin, 'lrs.dead_letters_requeued', { target: target.name, requeued });
      return c.json({ requeued });
    })
    .post('/admin/lrs/targets/:target/pause', async (c) => {
      const admin = adminOf(c.get('caller'));
      const target = targetOf(admin.tenantId, c.req.param('target'));
      const body = parseBody(pauseBody, await optionalJsonBody(c));
      const reason = body.reason ?? `paused by ${admin.displayName}`;
      await store.xapiOutbox.pause({
        tenantId: admin.tenantId,
        target: target.name,
        reason,
        at: clock.now(),
      });
      await audit(admin, 'lrs.target_paused', { target: target.name, reason });
      return c.json({ paused: true });
    })
    .post('/admin/lrs/targets/:target/resume', async (c) => {
      const admin = adminOf(c.get('caller'));
      const target = targetOf(admin.tenantId, c.req.param('target'));
      const resumed = await store.xapiOutbox.resume({ tenantId: admin.tenantId, target: target.name });
      await audit(admin, 'lrs.target_resumed', { target: target.name, wasPaused: resumed });
      return c.json({ paused: false, wasPaused: resumed });
    });
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AppError('invalid_input', `${where}${issue?.message ?? 'invalid request body'}`);
  }
  return parsed.data;
}

/** These bodies are optional: empty means "all" (requeue) or "no reason given" (pause). */
async function optionalJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new MalformedJsonError('The request body is not valid JSON', error);
  }
}
