import type { LrsClient } from '../client';
import { toLrsStatement, type LrsStatement } from './lrs-statement';

export type VerbReading = {
  statements: LrsStatement[];
  /** X-Experience-API-Consistent-Through of the first answer; null if the LRS did not send it. */
  consistentThrough: Date | null;
  /** How many times a broken `more` link was worked around by querying again from the last stored time. */
  resumed: number;
};

const MAX_RESUMES = 1_000;
const MAX_PAGE_SIZE = 10_000;

/**
 * Every statement with this verb stored after `since`, oldest first. Some LRSs send `more` links that fail,
 * point back at the same page or stop while pages are still full; then the query is asked again from the last
 * stored time seen (less a millisecond, as `since` is exclusive) and statements already read are skipped;
 * when a whole page shares one stored time (one batch), pages grow until it fits.
 */
export async function readStatementsSince(
  client: Pick<LrsClient, 'queryStatements'>,
  query: { verb: string; since: Date | null; pageSize: number },
): Promise<VerbReading> {
  const seen = new Set<string>();
  const statements: LrsStatement[] = [];
  let consistentThrough: Date | null = null;
  let since = query.since;
  let limit = query.pageSize;
  for (let resumed = 0; resumed <= MAX_RESUMES; resumed += 1) {
    let lastStored: string | null = null;
    let pages = 0;
    let lastPageFull = false;
    let broken = false;
    let added = 0;
    try {
      for await (const page of client.queryStatements({
        verb: query.verb,
        ...(since ? { since } : {}),
        ascending: true,
        limit,
      })) {
        pages += 1;
        if (consistentThrough === null && resumed === 0 && page.consistentThrough) {
          const parsed = new Date(page.consistentThrough);
          if (!Number.isNaN(parsed.getTime())) consistentThrough = parsed;
        }
        for (const raw of page.statements) {
          const statement = toLrsStatement(raw);
          if (!statement) continue;
          if (typeof statement.stored === 'string') lastStored = statement.stored;
          if (!statement.id || seen.has(statement.id)) continue;
          seen.add(statement.id);
          statements.push(statement);
          added += 1;
        }
        lastPageFull = page.statements.length >= limit;
      }
    } catch (error) {
      // The first page failing is the LRS failing: the job retries later. A later page is a broken `more`.
      if (pages === 0) throw error;
      broken = true;
    }
    if ((!broken && !lastPageFull) || lastStored === null) return { statements, consistentThrough, resumed };
    if (resumed > 0 && added === 0) {
      // Statements stored in one batch share a stored time: ask for bigger pages until the tie fits in one.
      if (limit >= MAX_PAGE_SIZE) return { statements, consistentThrough, resumed };
      limit = Math.min(MAX_PAGE_SIZE, limit * 2);
      continue;
    }
    since = new Date(new Date(lastStored).getTime() - 1);
  }
  return { statements, consistentThrough, resumed: MAX_RESUMES };
}

/**
 * Where the next sync starts: the earliest consistent-through time of this sync's queries (everything stored
 * before it was visible to them), never earlier than where this sync started. An LRS that sends no header
 * leaves the watermark where it was, so the next sync reads the same window again (records are idempotent).
 */
export function nextWatermark(previous: Date | null, readings: readonly VerbReading[]): Date | null {
  if (readings.length === 0 || readings.some((reading) => reading.consistentThrough === null))
    return previous;
  const earliest = Math.min(...readings.map((reading) => reading.consistentThrough?.getTime() ?? 0));
  return previous && previous.getTime() > earliest ? previous : new Date(earliest);
}
