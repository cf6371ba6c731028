import type { DomainEvent, Ids, Logger, Store } from '../../core';
import { statementsForEvent, StatementMappingError, type StatementDraft } from '../statements';
import { outboxRows } from './outbox-rows';
import { releaseHeldRows } from './release-held-rows';
import type { OutboxTarget } from './outbox-target';
import { StatementFacts } from './statement-facts';

export type XapiOutboxOptions = {
  /** The LRS targets of a tenant; with none, events are appended as they were and nothing else is written. */
  targetsFor(tenantId: string): readonly OutboxTarget[];
  /** The deployment's public base URL (activity ids live under it). */
  baseUrl: string;
  language?: string;
  ids: Ids;
  logger: Logger;
  now?: () => Date;
};

/**
 * The Store with one addition: appending a domain event also writes its xAPI statements to the outbox, one
 * row per target, in the same transaction, so there is never an event without its statements or a statement
 * without its event. Core and store stay unaware of xAPI.
 */
export function withXapiOutbox(store: Store, options: XapiOutboxOptions): Store {
  const facts = new StatementFacts();
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const language = options.language ?? 'en';

  async function writeStatements(tx: Store, event: DomainEvent): Promise<void> {
    const targets = options.targetsFor(event.tenantId);
    if (targets.length === 0 || !event.personId) return;
    const person = await tx.people.get(event.tenantId, event.personId);
    if (!person) {
      options.logger.warn('No xAPI statements for an event whose person is gone', {
        eventId: event.id,
        type: event.type,
      });
      return;
    }
    let drafts: StatementDraft[];
    try {
      drafts = statementsForEvent(event, {
        baseUrl,
        language,
        workflow: await facts.workflowFor(tx, event),
        skillAreas: await facts.skillAreas(tx, event),
        sendFailed: true,
      });
    } catch (error) {
      if (!(error instanceof StatementMappingError)) throw error;
      // A mapping bug must not cost the employee their action: the event is kept, the gap is logged.
      options.logger.error('Event not mapped to xAPI', {
        eventId: event.id,
        type: event.type,
        reason: error.message,
      });
      return;
    }
    if (drafts.length === 0) return;
    await tx.xapiOutbox.enqueue(
      outboxRows({
        drafts,
        targets,
        person,
        eventId: event.id,
        dueAt: event.occurredAt,
        newId: () => options.ids.uuid(),
      }),
    );
  }

  async function upsertAndRelease(
    tx: Store,
    tenantId: string,
    profile: Parameters<Store['people']['upsertProfile']>[1],
  ) {
    const person = await tx.people.upsertProfile(tenantId, profile);
    const released = await releaseHeldRows({
      tx,
      person,
      targets: options.targetsFor(tenantId),
      now: options.now?.() ?? new Date(),
    });
    if (released > 0) options.logger.info('Held xAPI statements released', { personId: person.id, released });
    return person;
  }

  function decorate(inner: Store, inTransaction: boolean): Store {
    return {
      ...inner,
      people: {
        ...inner.people,
        // A person who now has the identifier a target uses gets their held statements sent.
        upsertProfile(tenantId, profile) {
          if (options.targetsFor(tenantId).length === 0) return inner.people.upsertProfile(tenantId, profile);
          return inTransaction
            ? upsertAndRelease(inner, tenantId, profile)
            : inner.transaction((tx) => upsertAndRelease(tx, tenantId, profile));
        },
      },
      events: {
        ...inner.events,
        async append(event) {
          if (options.targetsFor(event.tenantId).length === 0) return inner.events.append(event);
          if (inTransaction) {
            await inner.events.append(event);
            await writeStatements(inner, event);
            return;
          }
          await inner.transaction(async (tx) => {
            await tx.events.append(event);
            await writeStatements(tx, event);
          });
        },
      },
      transaction: (work) => inner.transaction((tx) => work(decorate(tx, true))),
    };
  }
  return decorate(store, false);
}
