/** A completed guided session in a skill area, with how it was scored. */
export type PracticeRun = {
  sessionId: string;
  workflowId: string;
  workflowTitle: string;
  skillArea: string;
  completedAt: Date;
  /** The employee's own mean rubric score; null until they give feedback. */
  selfScore: number | null;
  /** Whether they logged the minutes it took (part of their feedback). */
  minutesLogged: boolean;
  /** A manager's or author's review; its score outranks the self-rating. */
  review: { id: string; meanScore: number } | null;
};

export type CertificateFact = { id: string; skillArea: string | null; issuedAt: Date; voided: boolean };

/** A manager's record that the person redesigned a team process around AI in a skill area. */
export type AttestationFact = { id: string; skillArea: string; at: Date };

/** A colleague who reached L2 on a workflow this person authored. */
export type AdoptionFact = {
  /** The colleague's session that completed their L2 evidence. */
  id: string;
  workflowId: string;
  workflowTitle: string;
  skillArea: string;
  colleagueId: string;
  reachedAt: Date;
};

export type ProficiencyFacts = {
  runs: PracticeRun[];
  certificates: CertificateFact[];
  attestations: AttestationFact[];
  adoptions: AdoptionFact[];
};

export const noFacts = (): ProficiencyFacts => ({
  runs: [],
  certificates: [],
  attestations: [],
  adoptions: [],
});
