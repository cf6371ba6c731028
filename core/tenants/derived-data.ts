import { levelThresholdsOf } from '../proficiency/assess-person';
import type { TenantSettings } from './tenant-settings';

/** Recomputes, in the background, what Practica stores under rules a settings change has just redefined. */
export const RECOMPUTE_DERIVED_JOB = 'tenant.recompute-derived';

export type DerivedDataToRecompute = {
  /** Every person's levels: the level rules' numbers changed. */
  levels: boolean;
  /** The metric rollups: the week's time zone or the quality bar changed. */
  rollups: boolean;
};

export function derivedDataToRecompute(
  before: TenantSettings,
  after: TenantSettings,
): DerivedDataToRecompute {
  const was = levelThresholdsOf(before);
  const is = levelThresholdsOf(after);
  return {
    levels: (Object.keys(is) as (keyof typeof is)[]).some((key) => was[key] !== is[key]),
    rollups: was.timeZone !== is.timeZone || was.qualityBar !== is.qualityBar,
  };
}

export function derivedDataPayload(value: unknown): DerivedDataToRecompute {
  const payload = (value ?? {}) as Record<string, unknown>;
  return { levels: payload.levels === true, rollups: payload.rollups === true };
}
