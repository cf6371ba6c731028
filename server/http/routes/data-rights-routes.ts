import { Hono } from 'hono';
import {
  AppError,
  erasePerson,
  exportPersonData,
  type Clock,
  type Ids,
  type PersonDataSnapshot,
  type StatementsOnLrs,
  type Store,
  type VoidingStatementFactory,
} from '../../../core';
import { parseRequestBody } from '../parse-request-body';
import { readJsonBody } from '../read-json-body';
import type { Caller, HttpEnv } from '../types';
import { eraseRequest, erasureResponse, personExportResponse } from './data-rights-schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DataRightsOptions = {
  store: Store;
  clock: Clock;
  ids: Ids;
  /** Names of the tenant's LRS targets now (a `voided` statement is queued for each that got the person's). */
  targetNames: (tenantId: string) => readonly string[];
  voidingStatement: VoidingStatementFactory;
  /** Asks the tenant's LRS targets for the person's statements (those the outbox forgot included). */
  statementsOnLrs?: StatementsOnLrs;
};

/**
 * Data rights: GET /me/export (the person themself), GET /admin/people/{id}/export and
 * POST /admin/people/{id}/erase (L&D admins of the person's tenant; erasure confirmed with their email).
 */
export function dataRightsRoutes(options: DataRightsOptions): Hono<HttpEnv> {
  const exportOf = async (caller: Caller, personId: string) =>
    exportResponse(await exportPersonData({ ...options, viewer: caller, personId }), options.clock.now());

  return new Hono<HttpEnv>()
    .get('/me/export', async (c) => {
      const caller = c.get('caller');
      return c.json(await exportOf(caller, caller.person.id));
    })
    .get('/admin/people/:id/export', async (c) => {
      const caller = c.get('caller');
      if (!caller.roles.includes('admin'))
        throw new AppError('forbidden', "Only L&D admins can export another person's data");
      return c.json(await exportOf(caller, personIdParam(c.req.param('id'))));
    })
    .post('/admin/people/:id/erase', async (c) => {
      const caller = c.get('caller');
      if (!caller.roles.includes('admin'))
        throw new AppError('forbidden', 'Only L&D admins can erase a person');
      const personId = personIdParam(c.req.param('id'));
      const body = parseRequestBody(eraseRequest, await readJsonBody(c));
      const receipt = await erasePerson({
        ...options,
        viewer: caller,
        personId,
        confirmation: body.confirmEmail,
        targetNames: options.targetNames(caller.person.tenantId),
      });
      return c.json(erasureResponse.parse(receipt));
    });
}

function personIdParam(id: string): string {
  if (!UUID.test(id)) throw new AppError('not_found', 'No one in your organisation has that id.');
  return id;
}

function exportResponse(snapshot: PersonDataSnapshot, exportedAt: Date) {
  const targets = [...new Set(snapshot.statements.map((row) => row.target))].sort();
  return personExportResponse.parse({
    exportedAt,
    ...snapshot,
    statements: targets.map((target) => {
      const rows = snapshot.statements.filter((row) => row.target === target);
      return {
        target,
        statementIds: rows.map((row) => row.statementId),
        rows: rows.map(({ statementId, status, sentAt }) => ({ statementId, status, sentAt })),
      };
    }),
  });
}
