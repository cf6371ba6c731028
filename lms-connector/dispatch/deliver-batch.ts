import type { OutboxEntry } from '../../core';
import { LrsAuthError, LrsHttpError, type LrsClient, type XapiStatement } from '../client';

/**
 * What became of some of a batch's rows.
 * - `retry`: try again later; `targetWide` when the LRS itself is unwell (down, slow, throttling), so the
 *   dispatcher should hold back from the whole target, not just these rows.
 * - `paused`: the LRS refused our credentials (401/403): stop sending to this target until an admin resumes.
 */
export type DeliveryOutcome =
  | { kind: 'sent'; entries: OutboxEntry[] }
  | { kind: 'dead'; entries: OutboxEntry[]; error: string }
  | { kind: 'retry'; entries: OutboxEntry[]; error: string; retryAfterMs: number | null; targetWide: boolean }
  | { kind: 'paused'; entries: OutboxEntry[]; error: string };

/** Statuses with which an LRS refuses a whole batch for the sake of one statement in it. */
const SPLIT_STATUSES = new Set([400, 409, 413]);

/**
 * Sends one batch. A batch refused 400, 409 or 413 is split in halves until the culprit is alone: a lone
 * 409 counts as stored only once GET ?statementId= (or voidedStatementId) finds it; a lone 400 or 413 is a
 * dead letter with the LRS's message. Once one half cannot be delivered for a reason that is not its own
 * (the LRS is down, or refuses our credentials), the rest is not tried and shares that outcome.
 */
export async function deliverBatch(client: LrsClient, entries: OutboxEntry[]): Promise<DeliveryOutcome[]> {
  if (entries.length === 0) return [];
  try {
    await client.sendStatements(entries.map(statementOf));
    return [{ kind: 'sent', entries }];
  } catch (error) {
    if (error instanceof LrsHttpError && SPLIT_STATUSES.has(error.status)) {
      if (entries.length === 1) return [await settleLoneRefusal(client, entries[0]!, error)];
      const middle = Math.ceil(entries.length / 2);
      const first = await deliverBatch(client, entries.slice(0, middle));
      const blocking = first.find(
        (outcome) => outcome.kind === 'paused' || (outcome.kind === 'retry' && outcome.targetWide),
      );
      const rest = entries.slice(middle);
      if (blocking) return [...first, { ...blocking, entries: rest }];
      return [...first, ...(await deliverBatch(client, rest))];
    }
    return [classifyFailure(entries, error)];
  }
}

function statementOf(entry: OutboxEntry): XapiStatement {
  return { ...entry.payload, id: entry.statementId };
}

async function settleLoneRefusal(
  client: LrsClient,
  entry: OutboxEntry,
  refusal: LrsHttpError,
): Promise<DeliveryOutcome> {
  const entries = [entry];
  if (refusal.status === 400)
    return { kind: 'dead', entries, error: `LRS refused the statement (400): ${refusal.message}` };
  if (refusal.status === 413)
    return { kind: 'dead', entries, error: `statement too large for the LRS (413): ${refusal.message}` };
  try {
    const stored =
      (await client.getStatement(entry.statementId)) ?? (await client.getVoidedStatement(entry.statementId));
    if (stored) return { kind: 'sent', entries };
    return {
      kind: 'retry',
      entries,
      error: `LRS answered 409 but does not hold the statement: ${refusal.message}`,
      retryAfterMs: null,
      targetWide: false,
    };
  } catch (error) {
    return classifyFailure(entries, error);
  }
}

function classifyFailure(entries: OutboxEntry[], error: unknown): DeliveryOutcome {
  if (error instanceof LrsAuthError) return { kind: 'paused', entries, error: error.message };
  if (error instanceof LrsHttpError) {
    if (error.status === 401 || error.status === 403) {
      return {
        kind: 'paused',
        entries,
        error: `LRS refused our credentials (${error.status}): ${error.message}`,
      };
    }
    return {
      kind: 'retry',
      entries,
      error: `LRS answered ${error.status}: ${error.message}`,
      retryAfterMs: error.retryAfterMs,
      targetWide: true,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', entries, error: message, retryAfterMs: null, targetWide: true };
}
