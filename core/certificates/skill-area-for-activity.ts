import type { CertificateSkillAreaPattern } from './certificate';

/** The skill area of the first pattern the activity id matches (`*` is any text; case-insensitive), or null. */
export function skillAreaForActivity(
  activityId: string | null,
  patterns: readonly CertificateSkillAreaPattern[],
): string | null {
  if (!activityId) return null;
  for (const { pattern, skillArea } of patterns) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    if (new RegExp(`^${source}$`, 'i').test(activityId)) return skillArea;
  }
  return null;
}
