import type { Store } from '../ports';

/** Pauses every session the person has going, so the one about to start is the one "continue" means. */
export async function pauseOtherSessions(
  tx: Store,
  tenantId: string,
  personId: string,
  now: Date,
): Promise<void> {
  for (const other of await tx.sessions.findActiveForPerson(tenantId, personId)) {
    await tx.sessions.compareAndSet({
      ...other,
      status: 'paused',
      version: other.version + 1,
      updatedAt: now,
    });
  }
}
