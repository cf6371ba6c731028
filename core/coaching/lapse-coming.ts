import type { Store } from '../ports';
import { DAY_MS } from '../ports';
import { assessPerson } from '../proficiency/assess-person';
import { localDate } from '../proficiency/week-key';
import type { TenantSettings } from '../tenants';
import { LAPSE_WARNING_DAYS } from './coaching-suggestion';

const MINUTE_MS = 60_000;

export type ComingLapse = { skillArea: string; level: number; lapsesOn: string };

/**
 * Levels of L2 or more that the lapse rules (core/proficiency, as the daily check applies them) would drop
 * within LAPSE_WARNING_DAYS if nothing new happened, with the local day they would.
 */
export async function comingLapses(options: {
  store: Store;
  tenantId: string;
  personId: string;
  now: Date;
  settings: TenantSettings;
  timeZone: string;
}): Promise<ComingLapse[]> {
  const { store, tenantId, personId, now, settings } = options;
  const levelsAt = async (days: number) => {
    const { assessments } = await assessPerson({
      store,
      tenantId,
      personId,
      now: new Date(now.getTime() + days * DAY_MS),
      settings,
    });
    return new Map(assessments.map((assessment) => [assessment.skillArea, assessment.level as number]));
  };
  const stored = (await store.levels.listForPerson(tenantId, personId)).filter((row) => row.level >= 2);
  if (stored.length === 0) return [];
  const horizon = await levelsAt(LAPSE_WARNING_DAYS);
  const lapses: ComingLapse[] = [];
  for (const row of stored) {
    if ((horizon.get(row.skillArea) ?? 0) >= row.level) continue;
    const droppedAt = async (at: number) =>
      ((await levelsAt((at - now.getTime()) / DAY_MS)).get(row.skillArea) ?? 0) < row.level;
    // Levels only fall with time when nothing new happens, so halve the range: first the day it has dropped
    // by, then the minute (on the clock's own minutes, not `now`'s, so the day named is the same whenever
    // this runs: a nudge keyed by it is planned once).
    let low = 0;
    let high = LAPSE_WARNING_DAYS;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (await droppedAt(now.getTime() + middle * DAY_MS)) high = middle;
      else low = middle + 1;
    }
    let lapsesAt = now.getTime();
    if (low > 0) {
      let first = Math.floor((now.getTime() + (low - 1) * DAY_MS) / MINUTE_MS);
      let last = Math.ceil((now.getTime() + low * DAY_MS) / MINUTE_MS);
      while (first < last) {
        const middle = Math.floor((first + last) / 2);
        if (await droppedAt(middle * MINUTE_MS)) last = middle;
        else first = middle + 1;
      }
      lapsesAt = first * MINUTE_MS;
    }
    lapses.push({
      skillArea: row.skillArea,
      level: row.level,
      lapsesOn: localDate(new Date(lapsesAt), options.timeZone),
    });
  }
  return lapses;
}
