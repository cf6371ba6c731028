import { DAY_MS, type Clock, type Ids, type Store } from '../ports';
import { actOnSession } from './act-on-session';
import type { Session } from './session';

export const IDLE_ABANDON_DAYS = 14;
const BATCH = 200;

/** A session nobody touched for 14 days is abandoned (its event says so), so it stops being "where you left off". */
export async function abandonIdleSessions(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
}): Promise<number> {
  const before = new Date(options.clock.now().getTime() - IDLE_ABANDON_DAYS * DAY_MS);
  let abandoned = 0;
  for (const session of await options.store.sessions.listIdle(options.tenantId, before, BATCH)) {
    const result = await actOnSession({
      ...options,
      sessionId: session.id,
      action: { type: 'abandon', reason: 'idle' },
      actorPersonId: null,
      expectedVersion: session.version,
      llmAvailable: false,
    });
    if (result.kind === 'applied') abandoned++;
  }
  return abandoned;
}

/**
 * What an employee pasted, what the model wrote and the deliverable may be confidential: after the tenant's
 * retention period they are deleted. Ratings, minutes, feedback and events (the facts) stay.
 */
export function withoutContent(session: Session, now: Date): Session {
  return {
    ...session,
    steps: session.steps.map((record) => ({
      ...record,
      inputs: Object.fromEntries(Object.keys(record.inputs).map((name) => [name, ''])),
      output: record.output === null ? null : '',
      attempts: record.attempts.map((attempt) => ({ ...attempt, text: attempt.text === null ? null : '' })),
      verification: record.verification ? { ...record.verification, corrections: '' } : null,
    })),
    deliverable: session.deliverable === null ? null : '',
    contentPurgedAt: now,
  };
}

export async function purgeExpiredSessionContent(options: {
  store: Store;
  clock: Clock;
  tenantId: string;
  retentionDays: number;
}): Promise<number> {
  const now = options.clock.now();
  const before = new Date(now.getTime() - options.retentionDays * DAY_MS);
  let purged = 0;
  for (const session of await options.store.sessions.listWithContentBefore(options.tenantId, before, BATCH)) {
    // The purge keeps updatedAt: it is not a change the employee made, and retention counts from their last one.
    if (
      await options.store.sessions.compareAndSet({
        ...withoutContent(session, now),
        version: session.version + 1,
      })
    )
      purged++;
  }
  return purged;
}
