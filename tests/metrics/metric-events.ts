import { randomUUID } from 'node:crypto';
import type { DomainEvent, DomainEventType, LevelChange, Store, Workflow } from '../../core';

/** Builds and appends the events metrics rest on, as the session engine and reviews would write them. */
export function metricEvents(store: Store, tenantId: string) {
  const append = async (
    type: DomainEventType,
    at: string,
    fields: { person: string; session?: string; workflow?: string | null; data?: Record<string, unknown> },
  ): Promise<DomainEvent> => {
    const event: DomainEvent = {
      id: randomUUID(),
      tenantId,
      type,
      personId: fields.person,
      sessionId: fields.session ?? null,
      workflowId: fields.workflow ?? null,
      occurredAt: new Date(at),
      data: fields.data ?? {},
    };
    await store.events.append(event);
    return event;
  };

  return {
    append,
    async workflow(authorId: string, title = 'Variance memo'): Promise<Workflow> {
      const workflow: Workflow = {
        id: randomUUID(),
        tenantId,
        authorId,
        title,
        summary: title,
        skillArea: 'analysis',
        status: 'published',
        latestVersionNumber: 1,
        createdAt: new Date('2026-01-01T00:00:00Z'),
        updatedAt: new Date('2026-01-01T00:00:00Z'),
      };
      await store.workflows.save(workflow, null);
      return workflow;
    },
    /** A whole run in one transaction: started, completed (and reused when not the author's), optionally rated. */
    async run(options: {
      person: string;
      workflow: Workflow;
      startedAt?: string;
      completedAt: string;
      activeMinutes: number;
      manualMinutes: number;
      rating?: {
        meanRating: number;
        minutesTaken: number;
        manualMinutes: number;
        savedTimeGoesTo: string | null;
      };
    }): Promise<string> {
      const session = randomUUID();
      const { person, workflow } = options;
      await store.transaction(async (tx) => {
        const inTx = metricEvents(tx, tenantId);
        const common = { person, session, workflow: workflow.id };
        await inTx.append('session.started', options.startedAt ?? options.completedAt, {
          ...common,
          data: { skillArea: workflow.skillArea },
        });
        await inTx.append('session.completed', options.completedAt, {
          ...common,
          data: {
            activeMinutes: options.activeMinutes,
            manualMinutes: options.manualMinutes,
            skillArea: workflow.skillArea,
          },
        });
        if (person !== workflow.authorId)
          await inTx.append('workflow.reused', options.completedAt, {
            ...common,
            data: { authorId: workflow.authorId },
          });
        if (options.rating)
          await inTx.append('session.rated', options.completedAt, { ...common, data: { ...options.rating } });
      });
      return session;
    },
    async review(person: string, session: string, at: string, meanScore: number) {
      await append('session.reviewed', at, { person, session, data: { meanScore } });
    },
    async levelChange(
      personId: string,
      fromLevel: number,
      toLevel: number,
      at: string,
      skillArea = 'analysis',
    ) {
      const change: LevelChange = {
        id: randomUUID(),
        tenantId,
        personId,
        skillArea,
        fromLevel: fromLevel as LevelChange['fromLevel'],
        toLevel: toLevel as LevelChange['toLevel'],
        reason: 'evidence',
        evidence: [],
        at: new Date(at),
      };
      await store.levels.appendChange(change);
    },
  };
}
