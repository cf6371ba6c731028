import { DAY_MS } from '../ports';
import type { EvidenceRef, Level, LevelAssessment } from './level';
import type { LevelThresholds } from './level-thresholds';
import { practiceAchievements } from './practice-rule';
import type { AdoptionFact, ProficiencyFacts } from './proficiency-facts';
import { whatsNext } from './whats-next';

function sessionEvidence(runs: ProficiencyFacts['runs']): EvidenceRef[] {
  return runs.flatMap((run): EvidenceRef[] => [
    { kind: 'session', id: run.sessionId },
    ...(run.review ? [{ kind: 'review' as const, id: run.review.id }] : []),
  ]);
}

/** Facts known at `now` in one skill area; a voided certificate never counts. */
function factsAt(facts: ProficiencyFacts, skillArea: string, now: Date): ProficiencyFacts {
  const known = (at: Date) => at.getTime() <= now.getTime();
  return {
    runs: facts.runs.filter((run) => run.skillArea === skillArea && known(run.completedAt)),
    certificates: facts.certificates.filter(
      (certificate) =>
        certificate.skillArea === skillArea && !certificate.voided && known(certificate.issuedAt),
    ),
    attestations: facts.attestations.filter((fact) => fact.skillArea === skillArea && known(fact.at)),
    adoptions: facts.adoptions.filter((fact) => fact.skillArea === skillArea && known(fact.reachedAt)),
  };
}

/** The authored workflow that brought the most colleagues to L2, with those colleagues' adoptions. */
export function strongestAdoption(adoptions: AdoptionFact[]): AdoptionFact[] {
  const byWorkflow = new Map<string, Map<string, AdoptionFact>>();
  for (const adoption of adoptions) {
    const colleagues = byWorkflow.get(adoption.workflowId) ?? new Map<string, AdoptionFact>();
    if (!colleagues.has(adoption.colleagueId)) colleagues.set(adoption.colleagueId, adoption);
    byWorkflow.set(adoption.workflowId, colleagues);
  }
  let best: AdoptionFact[] = [];
  for (const colleagues of byWorkflow.values())
    if (colleagues.size > best.length) best = [...colleagues.values()];
  return best;
}

/**
 * When the person last showed the level in practice: their own latest completed session in the area, and for
 * a multiplier (L3 and up) also a colleague reaching L2 on their workflow, for L4 the attestation.
 */
function lastActivity(facts: ProficiencyFacts, earned: Level, adoption: AdoptionFact[]): number {
  const times = facts.runs.map((run) => run.completedAt.getTime());
  if (earned >= 3) times.push(...adoption.map((fact) => fact.reachedAt.getTime()));
  if (earned >= 4) times.push(...facts.attestations.map((fact) => fact.at.getTime()));
  return Math.max(-Infinity, ...times);
}

/**
 * A person's level in one skill area at `now` (DESIGN section 5): the highest level whose evidence exists,
 * dropped one step when it is L2 or more and the area has gone quiet for `lapseDays` (see lastActivity).
 */
export function assessSkillArea(
  allFacts: ProficiencyFacts,
  skillArea: string,
  thresholds: LevelThresholds,
  now: Date,
): LevelAssessment {
  const facts = factsAt(allFacts, skillArea, now);
  const practice = practiceAchievements(facts.runs, thresholds);
  const adoption = strongestAdoption(facts.adoptions);

  const earned: { level: Level; evidence: EvidenceRef[] }[] = [{ level: 0, evidence: [] }];
  const firstRun = facts.runs.reduce<ProficiencyFacts['runs'][number] | null>(
    (first, run) => (!first || run.completedAt < first.completedAt ? run : first),
    null,
  );
  if (facts.certificates.length > 0 || firstRun)
    earned.push({
      level: 1,
      evidence: [
        ...facts.certificates.map((certificate) => ({ kind: 'certificate' as const, id: certificate.id })),
        ...(firstRun ? sessionEvidence([firstRun]) : []),
      ],
    });
  if (practice[0]) earned.push({ level: 2, evidence: sessionEvidence(practice[0].runs) });
  if (adoption.length >= thresholds.multiplierColleagues)
    earned.push({ level: 3, evidence: adoption.map((fact) => ({ kind: 'reuse' as const, id: fact.id })) });
  if (facts.attestations.length > 0)
    earned.push({
      level: 4,
      evidence: facts.attestations.map((fact) => ({ kind: 'attestation' as const, id: fact.id })),
    });

  const top = earned[earned.length - 1]!;
  const lapsed =
    top.level >= 2 &&
    now.getTime() - lastActivity(facts, top.level, adoption) > thresholds.lapseDays * DAY_MS;
  const level = (lapsed ? top.level - 1 : top.level) as Level;
  return {
    skillArea,
    level,
    earnedLevel: top.level,
    lapsed,
    evidence: lapsed
      ? (earned.find((entry) => entry.level === level)?.evidence ?? top.evidence)
      : top.evidence,
    next: whatsNext({ facts, level, lapsed, adoption, thresholds, now }),
  };
}
