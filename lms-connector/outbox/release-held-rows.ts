import type { Person, Store } from '../../core';
import { actorFor } from '../statements';
import type { OutboxTarget } from './outbox-target';

/**
 * A person's statements held because a target could not name them: those whose target can now (the person
 * got the LMS identifier or work email it uses) are addressed and become due at once. Returns how many.
 */
export async function releaseHeldRows(options: {
  tx: Store;
  person: Person;
  targets: readonly OutboxTarget[];
  now: Date;
}): Promise<number> {
  const { tx, person, now } = options;
  const held = await tx.xapiOutbox.listHeldForPerson(person.tenantId, person.id);
  const addressed = held.flatMap((row) => {
    const target = options.targets.find((candidate) => candidate.name === row.target);
    const actor = target ? actorFor(person, target.actor) : null;
    return actor ? [{ id: row.id, payload: { ...row.payload, id: row.statementId, actor } }] : [];
  });
  return addressed.length > 0 ? tx.xapiOutbox.release(person.tenantId, addressed, now) : 0;
}
