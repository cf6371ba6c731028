import type { Store } from '../ports';
import { DAY_MS } from '../ports';
import { assessPerson } from '../proficiency/assess-person';
import { localDate } from '../proficiency/week-key';
import type { TenantSettings } from '../tenants';
import { LAPSE_WARNING_DAYS } from './coaching-suggestion';

export type ComingLapse = { skillArea: string; level: number; lapsesOn: string };

/**
 * Levels of L2 or more that the lapse rules (core/proficiency, as the daily check applies them) would drop
 * within LAPSE_WARNING_DAYS if nothing new happened, with the first day they would.
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
    // The first day it has dropped: levels only fall with time when nothing new happens, so halve the range.
    let low = 0;
    let high = LAPSE_WARNING_DAYS;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (((await levelsAt(middle)).get(row.skillArea) ?? 0) < row.level) high = middle;
      else low = middle + 1;
    }
    lapses.push({
      skillArea: row.skillArea,
      level: row.level,
      lapsesOn: localDate(new Date(now.getTime() + low * DAY_MS), options.timeZone),
    });
  }
  return lapses;
}
