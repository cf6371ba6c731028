export type Level = 0 | 1 | 2 | 3 | 4;

export const LEVEL_NAMES: Record<Level, string> = {
  0: 'Aware',
  1: 'Knows',
  2: 'Practises',
  3: 'Multiplies',
  4: 'Redesigns',
};

export const levelLabel = (level: Level) => `L${level} ${LEVEL_NAMES[level]}`;

/** What a level rests on; each id points at a row the profile can show. */
export type EvidenceKind = 'session' | 'review' | 'certificate' | 'reuse' | 'attestation';
export type EvidenceRef = { kind: EvidenceKind; id: string };

export type LevelAssessment = {
  skillArea: string;
  level: Level;
  /** The level the evidence earned before any lapse; equals `level` unless the area has gone quiet. */
  earnedLevel: Level;
  lapsed: boolean;
  evidence: EvidenceRef[];
  /** One plain-language step towards the next level; null at L4. */
  next: string | null;
};
