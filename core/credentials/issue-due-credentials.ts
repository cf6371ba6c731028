import type { DomainEvent } from '../events';
import { DAY_MS, type Ids, type Store } from '../ports';
import { assessPerson, levelThresholdsOf, practiceAchievements } from '../proficiency';
import type { CredentialSigner } from './credential-signer';
import { openBadgeCredential } from './open-badge-credential';
import { credentialStanding, type PracticeCredential } from './practice-credential';
import { practiceEvidence } from './practice-evidence';

/** The skill areas where the person practises (L2 earned by the practice rule, not lapsed) as of `now`. */
async function practisedAreas(store: Store, tenantId: string, personId: string, now: Date) {
  const settings = (await store.tenants.get(tenantId))?.settings;
  const thresholds = levelThresholdsOf(settings);
  const { assessments, facts } = await assessPerson({ store, tenantId, personId, now, settings });
  return assessments.flatMap((assessment) => {
    const runs = facts.runs.filter(
      (run) => run.skillArea === assessment.skillArea && run.completedAt.getTime() <= now.getTime(),
    );
    if (assessment.level < 2 || practiceAchievements(runs, thresholds).length === 0) return [];
    const lastRun = Math.max(...runs.map((run) => run.completedAt.getTime()));
    // The credential lasts as long as the practice would: it expires when the level would lapse.
    const validUntil = new Date(lastRun + thresholds.lapseDays * DAY_MS);
    if (validUntil.getTime() <= now.getTime()) return [];
    const area = settings?.skillAreas.find((candidate) => candidate.id === assessment.skillArea);
    return [
      {
        skillArea: area ?? { id: assessment.skillArea, name: assessment.skillArea },
        runs,
        validUntil,
        thresholds,
      },
    ];
  });
}

const holdsValid = (credentials: PracticeCredential[], skillArea: string, now: Date) =>
  credentials.some(
    (credential) => credential.skillArea === skillArea && credentialStanding(credential, now) === 'valid',
  );

/**
 * Issues an Open Badges credential of practice for each skill area where the person holds L2 by practice and
 * has no valid credential: on reaching L2, and again once an earlier credential has expired while they kept
 * practising (a renewed L2). Signs outside any transaction (the key may live in a remote vault), then stores the
 * credential with a `credential.issued` event (the LMS connector's `earned` statement) in one transaction.
 */
export async function issueDueCredentials(options: {
  store: Store;
  ids: Ids;
  signer: CredentialSigner;
  baseUrl: string;
  tenantId: string;
  personId: string;
  now: Date;
}): Promise<PracticeCredential[]> {
  const { store, ids, signer, baseUrl, tenantId, personId, now } = options;
  const [tenant, person] = await Promise.all([
    store.tenants.get(tenantId),
    store.people.get(tenantId, personId),
  ]);
  if (!tenant || !person || !person.active) return [];
  const existing = await store.credentials.listForPerson(tenantId, personId);
  const issued: PracticeCredential[] = [];
  for (const due of await practisedAreas(store, tenantId, personId, now)) {
    if (holdsValid(existing, due.skillArea.id, now)) continue;
    const credential: PracticeCredential = {
      id: ids.uuid(),
      tenantId,
      personId,
      skillArea: due.skillArea.id,
      holderName: person.displayName,
      jwt: null,
      validFrom: now,
      validUntil: due.validUntil,
      revokedAt: null,
      revocationReason: null,
    };
    const json = openBadgeCredential({
      baseUrl,
      credentialId: credential.id,
      subjectId: ids.uuid(),
      tenant: { id: tenant.id, displayName: tenant.displayName },
      holderName: person.displayName,
      skillArea: due.skillArea,
      thresholds: due.thresholds,
      evidence: practiceEvidence(due.runs),
      validFrom: credential.validFrom,
      validUntil: credential.validUntil,
    });
    const signed = { ...credential, jwt: await signer.sign(tenantId, json) };
    const stored = await store.transaction(async (tx) => {
      // One issuer at a time per tenant: a job and the daily renewal cannot both issue the same credential.
      await tx.tenants.getForUpdate(tenantId);
      if (holdsValid(await tx.credentials.listForPerson(tenantId, personId), due.skillArea.id, now))
        return false;
      await tx.credentials.insert(signed);
      await tx.events.append(credentialIssuedEvent(ids.uuid(), signed));
      return true;
    });
    if (stored) issued.push(signed);
  }
  return issued;
}

function credentialIssuedEvent(id: string, credential: PracticeCredential): DomainEvent {
  return {
    id,
    tenantId: credential.tenantId,
    type: 'credential.issued',
    personId: credential.personId,
    sessionId: null,
    workflowId: null,
    occurredAt: credential.validFrom,
    data: {
      credentialId: credential.id,
      skillArea: credential.skillArea,
      validUntil: credential.validUntil.toISOString(),
    },
  };
}
