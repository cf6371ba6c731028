import type { EvidenceKind, EvidenceRef, Level, StoredLevel } from '../proficiency';
import { LEVEL_NAMES } from '../proficiency';
import type { SkillArea } from '../tenants';

export type EvidenceCounts = Record<EvidenceKind, number>;

/** A level as a profile or team shows it; `evidence` and `next` only where the viewer may see them. */
export type ProfileLevel = {
  skillArea: string;
  skillAreaName: string;
  level: Level;
  levelName: string;
  reachedAt: Date | null;
  evidenceCounts: EvidenceCounts;
  evidence?: EvidenceRef[];
  next?: string | null;
};

export function evidenceCounts(evidence: readonly EvidenceRef[]): EvidenceCounts {
  const counts: EvidenceCounts = { session: 0, review: 0, certificate: 0, reuse: 0, attestation: 0 };
  for (const ref of evidence) counts[ref.kind] += 1;
  return counts;
}

/** One line per skill area of the tenant (and any area a level is stored in); L0 where nothing is stored. */
export function profileLevels(
  skillAreas: readonly SkillArea[],
  stored: readonly StoredLevel[],
): ProfileLevel[] {
  const byArea = new Map(stored.map((row) => [row.skillArea, row]));
  const names = new Map(skillAreas.map((area) => [area.id, area.name]));
  const areas = [...new Set([...skillAreas.map((area) => area.id), ...byArea.keys()])];
  return areas.map((skillArea) => {
    const row = byArea.get(skillArea);
    const level = row?.level ?? 0;
    return {
      skillArea,
      skillAreaName: names.get(skillArea) ?? skillArea,
      level,
      levelName: LEVEL_NAMES[level],
      reachedAt: row?.reachedAt ?? null,
      evidenceCounts: evidenceCounts(row?.evidence ?? []),
    };
  });
}
