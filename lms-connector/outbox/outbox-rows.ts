import type { NewOutboxEntry, Person } from '../../core';
import { actorFor, addressStatement, VERBS, type StatementDraft } from '../statements';
import type { OutboxTarget } from './outbox-target';

/**
 * One row per statement per target. Each statement's id is fixed here, once, and shared by its copies for
 * every target (the same fact in two LRSs has one id). A target that cannot name the person yet gets the
 * statement without an actor, held until the identifier is known.
 */
export function outboxRows(options: {
  drafts: StatementDraft[];
  targets: readonly OutboxTarget[];
  person: Pick<Person, 'id' | 'tenantId' | 'displayName' | 'email' | 'lmsIdentifier'>;
  eventId: string;
  dueAt: Date;
  newId: () => string;
}): NewOutboxEntry[] {
  const { person } = options;
  const rows: NewOutboxEntry[] = [];
  for (const draft of options.drafts) {
    const statementId = options.newId();
    for (const target of options.targets) {
      if (draft.verb.id === VERBS.failed.id && !target.sendFailed) continue;
      const actor = actorFor(person, target.actor);
      rows.push({
        id: options.newId(),
        tenantId: person.tenantId,
        statementId,
        target: target.name,
        eventId: options.eventId,
        personId: person.id,
        payload: actor ? addressStatement(draft, actor, statementId) : { id: statementId, ...draft },
        status: actor ? 'pending' : 'held',
        nextAttemptAt: options.dueAt,
      });
    }
  }
  return rows;
}
