import type { NudgeKind } from './nudge-kind';

/** One nudge instance: who gets which kind about what, from when, until when it is still worth sending. */
export type NudgePlan = {
  kind: NudgeKind;
  personId: string;
  /** Unique per instance (kind + subject + period): the same key is never sent twice. */
  key: string;
  runAt: Date;
  expiresAt: Date;
  data: Record<string, string | number>;
};

export function nudgePlanPayload(plan: NudgePlan): Record<string, unknown> {
  return { ...plan, runAt: plan.runAt.toISOString(), expiresAt: plan.expiresAt.toISOString() };
}

export function nudgePlanFromPayload(payload: Record<string, unknown>): NudgePlan | null {
  const { kind, personId, key, runAt, expiresAt, data } = payload;
  if (
    typeof kind !== 'string' ||
    typeof personId !== 'string' ||
    typeof key !== 'string' ||
    typeof runAt !== 'string' ||
    typeof expiresAt !== 'string' ||
    typeof data !== 'object' ||
    data === null
  )
    return null;
  return {
    kind: kind as NudgeKind,
    personId,
    key,
    runAt: new Date(runAt),
    expiresAt: new Date(expiresAt),
    data: data as Record<string, string | number>,
  };
}
