import type { LevelThresholds } from '../proficiency';
import { credentialUrls } from './credential-urls';
import type { PracticeEvidence } from './practice-evidence';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const REVOCATION_LIST_TYPE = '1EdTechRevocationList';

export type CredentialFacts = {
  baseUrl: string;
  credentialId: string;
  /** A random id for the holder in this credential only (so credentials cannot be linked by it). */
  subjectId: string;
  tenant: { id: string; displayName: string };
  holderName: string;
  skillArea: { id: string; name: string };
  thresholds: LevelThresholds;
  evidence: PracticeEvidence[];
  validFrom: Date;
  validUntil: Date;
};

const day = (date: Date) => date.toISOString().slice(0, 10);

export function criteriaNarrative(thresholds: LevelThresholds): string {
  return (
    `Completed the same AI workflow at least ${thresholds.practiceRuns} times across at least ` +
    `${thresholds.practiceDistinctWeeks} different weeks within ${thresholds.practiceWindowDays} days, with at ` +
    `least one deliverable meeting the rubric bar (a mean score of ${thresholds.qualityBar} out of 5, a ` +
    `reviewer's score counting before the employee's own) and the time it took logged. The level lapses after ` +
    `${thresholds.lapseDays} days without a completed session in the skill area.`
  );
}

function evidenceDescription(entry: PracticeEvidence): string {
  const runs = `${entry.runs} completed run${entry.runs === 1 ? '' : 's'} between ${day(entry.firstRunAt)} and ${day(entry.lastRunAt)}.`;
  const reviewed =
    entry.meanReviewedScore === null
      ? ' No run reviewed yet.'
      : ` ${entry.reviewedRuns} reviewed, mean reviewer score ${entry.meanReviewedScore} out of 5.`;
  const scored = entry.meanScore === null ? '' : ` Mean quality score ${entry.meanScore} out of 5.`;
  return runs + reviewed + scored;
}

/** The achievement a credential of practice names (also served at its id). */
export function practiceAchievement(options: {
  baseUrl: string;
  tenantId: string;
  skillArea: { id: string; name: string };
  thresholds: LevelThresholds;
}): Record<string, unknown> {
  const area = options.skillArea.name;
  return {
    id: credentialUrls(options.baseUrl).achievement(options.tenantId, options.skillArea.id),
    type: ['Achievement'],
    achievementType: 'Competency',
    name: `L2 Practises: ${area}`,
    description: `Uses AI in real work in ${area} repeatedly, in different weeks, to a reviewed standard.`,
    criteria: { narrative: criteriaNarrative(options.thresholds) },
  };
}

/**
 * The Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential, data model 2.0) for a person's L2
 * "Practises" level in one skill area. Pure. Evidence names workflows, counts and scores only: nothing a
 * person typed or a deliverable said.
 */
export function openBadgeCredential(facts: CredentialFacts): Record<string, unknown> {
  const urls = credentialUrls(facts.baseUrl);
  const area = facts.skillArea.name;
  return {
    '@context': [VC_CONTEXT_V2, OPEN_BADGES_CONTEXT],
    id: urls.credential(facts.credentialId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Practises AI: ${area}`,
    description: `Repeated, reviewed practice of AI workflows in ${area}, recorded by Practica.`,
    issuer: {
      id: urls.issuer(facts.tenant.id),
      type: ['Profile'],
      name: facts.tenant.displayName,
      url: facts.baseUrl,
    },
    validFrom: facts.validFrom.toISOString(),
    validUntil: facts.validUntil.toISOString(),
    credentialSubject: {
      id: `urn:uuid:${facts.subjectId}`,
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.holderName },
      ],
      achievement: practiceAchievement({
        baseUrl: facts.baseUrl,
        tenantId: facts.tenant.id,
        skillArea: facts.skillArea,
        thresholds: facts.thresholds,
      }),
    },
    evidence: facts.evidence.map((entry) => ({
      type: ['Evidence'],
      name: entry.workflowTitle,
      description: evidenceDescription(entry),
    })),
    credentialStatus: {
      id: urls.revocationList(facts.tenant.id),
      type: REVOCATION_LIST_TYPE,
    },
  };
}
