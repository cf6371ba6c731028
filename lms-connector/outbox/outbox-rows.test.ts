import { randomUUID } from 'node:crypto';
import { VERBS, type StatementDraft } from '../statements';
import { outboxRows } from './outbox-rows';

const draft = (verb: string): StatementDraft => ({
  verb: { id: verb, display: { en: 'x' } },
  object: { objectType: 'Activity', id: 'https://practica.contoso.com/xapi/activities/workflows/1' },
  timestamp: '2026-11-02T09:00:00.000Z',
});
const person = {
  id: randomUUID(),
  tenantId: randomUUID(),
  displayName: 'Avery Analyst',
  email: 'avery@contoso.com',
  lmsIdentifier: null,
};

describe('outboxRows', () => {
  const rows = outboxRows({
    drafts: [draft(VERBS.passed.id), draft(VERBS.failed.id)],
    targets: [
      { name: 'lms', actor: { kind: 'account', homePage: 'https://lms.contoso.com' } },
      { name: 'analytics', actor: { kind: 'mbox' }, sendFailed: true },
    ],
    person,
    eventId: randomUUID(),
    dueAt: new Date('2026-11-02T09:00:00Z'),
    newId: randomUUID,
  });

  it('sends failed only to a target that asked for it', () => {
    expect(rows.map((row) => [row.target, (row.payload as StatementDraft).verb.id])).toEqual([
      ['lms', VERBS.passed.id],
      ['analytics', VERBS.passed.id],
      ['analytics', VERBS.failed.id],
    ]);
  });

  it('gives a statement one id for every target, and holds it without actor where the person cannot be named', () => {
    expect(rows[0]?.statementId).toBe(rows[1]?.statementId);
    expect(rows[2]?.statementId).not.toBe(rows[0]?.statementId);
    expect(rows[0]).toMatchObject({ status: 'held', payload: { id: rows[0]?.statementId } });
    expect(rows[0]?.payload).not.toHaveProperty('actor');
    expect(rows[1]).toMatchObject({
      status: 'pending',
      payload: { actor: { mbox: 'mailto:avery@contoso.com' } },
    });
  });
});
