import type { DomainEvent } from '../events';
import type { Ids, Store } from '../ports';
import { LEVEL_EVIDENCE_EVENTS, peopleAffectedBy, type WorkflowAuthorship } from './facts-from-events';
import { workflowAuthorship } from './assess-person';
import { reassessLevels } from './reassess-levels';

const isEvidence = (event: DomainEvent) => (LEVEL_EVIDENCE_EVENTS as readonly string[]).includes(event.type);

/**
 * Keeps levels up to date with their evidence: when a transaction appends an event a level can rest on,
 * the people it affects are re-assessed in that same transaction, as of the latest such event.
 */
export function withLevelTracking(store: Store, ids: Ids): Store {
  // Who wrote which workflow, per tenant: read once, dropped whenever a workflow is saved through this store.
  const authorships = new Map<string, WorkflowAuthorship>();
  const authorshipOf = async (tx: Store, tenantId: string, workflowIds: (string | null)[]) => {
    let authorship = authorships.get(tenantId);
    // A workflow created on another instance since the last read: read again.
    if (!authorship || workflowIds.some((id) => id !== null && !authorship!.has(id))) {
      authorship = await workflowAuthorship(tx, tenantId);
      authorships.set(tenantId, authorship);
    }
    return authorship;
  };

  async function reassessAfter(tx: Store, appended: DomainEvent[]): Promise<void> {
    const evidence = appended.filter(isEvidence);
    if (evidence.length === 0) return;
    const byTenant = new Map<string, DomainEvent[]>();
    for (const event of evidence)
      byTenant.set(event.tenantId, [...(byTenant.get(event.tenantId) ?? []), event]);
    for (const [tenantId, events] of byTenant) {
      const authorship = await authorshipOf(
        tx,
        tenantId,
        events.map((event) => event.workflowId),
      );
      await reassessLevels({
        store: tx,
        ids,
        tenantId,
        personIds: events.flatMap((event) => peopleAffectedBy(event, authorship)),
        at: new Date(Math.max(...events.map((event) => event.occurredAt.getTime()))),
        reason: 'evidence',
        authorship,
      });
    }
  }

  function forgettingAuthorship(inner: Store): Store['workflows'] {
    return {
      ...inner.workflows,
      async save(workflow, expectedLatestVersion) {
        authorships.delete(workflow.tenantId);
        await inner.workflows.save(workflow, expectedLatestVersion);
        authorships.delete(workflow.tenantId);
      },
    };
  }

  function recording(tx: Store, appended: DomainEvent[]): Store {
    return {
      ...tx,
      workflows: forgettingAuthorship(tx),
      events: {
        ...tx.events,
        async append(event) {
          await tx.events.append(event);
          appended.push(event);
        },
      },
      transaction: (work) => tx.transaction((inner) => work(recording(inner, appended))),
    };
  }

  return {
    ...store,
    workflows: forgettingAuthorship(store),
    events: {
      ...store.events,
      // An event appended outside a transaction gets its own, so levels and evidence still agree.
      append: (event) =>
        store.transaction(async (tx) => {
          await tx.events.append(event);
          await reassessAfter(tx, [event]);
        }),
    },
    transaction: (work) =>
      store.transaction(async (tx) => {
        const appended: DomainEvent[] = [];
        const result = await work(recording(tx, appended));
        await reassessAfter(tx, appended);
        return result;
      }),
  };
}
