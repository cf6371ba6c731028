import { sql } from 'drizzle-orm';
import type { Clock } from '../../core';
import { NUDGE_SEND_JOB } from '../../server/jobs';
import type { Db } from '../../store';
import { rowsOf } from '../../store/database';
import { cardOf, cardText, type Card, type TeamsUser } from '../support/teams-user';
import { eventually } from '../support/eventually';

export { eventually };

/** A clock the test moves; the server's worker, planners and sessions all read it. */
export class ManualClock implements Clock {
  constructor(private at: number) {}
  now = () => new Date(this.at);
  set(iso: string) {
    this.at = Date.parse(iso);
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type NudgeJobRow = { unique_key: string; run_at: Date | string; status: string; attempts: number };

/** The nudge send jobs whose unique key is like `like` (SQL LIKE), by run time. */
export const nudgeJobs = async (db: Db, like: string) =>
  rowsOf<NudgeJobRow>(
    await db.execute(
      sql`select unique_key, run_at, status, attempts from jobs where kind = ${NUDGE_SEND_JOB} and unique_key like ${like} order by run_at`,
    ),
  );

/** How many runs of this recurring job (e.g. the daily planner) have finished. */
export const finishedRuns = async (db: Db, kind: string) =>
  rowsOf<{ id: string }>(await db.execute(sql`select id from jobs where kind = ${kind} and status = 'done'`))
    .length;

export const cardsSaying = (user: TeamsUser, text: string): Card[] =>
  user.received.map(cardOf).filter((card): card is Card => card !== null && cardText(card).includes(text));

/** Waits for at least one card with this text in the user's chat. */
export const cardSaying = async (user: TeamsUser, text: string): Promise<Card> =>
  eventually(() => cardsSaying(user, text)[0], `a card saying "${text}"`);

export const startButtons = (card: Card) =>
  JSON.stringify(card).match(/"op":"start","workflowId":"[0-9a-f-]+"/g) ?? [];
