/** Why a credential stopped being valid before it expired. */
export type RevocationReason = 'erased';

/**
 * One Open Badges credential of practice as stored: the signed VC-JWT and what the profile and the verification
 * page list. After the holder is erased only the revocation record is kept (no person, no name, no JWT).
 */
export type PracticeCredential = {
  id: string;
  tenantId: string;
  personId: string | null;
  skillArea: string;
  holderName: string | null;
  /** The VC-JWT (compact JWS); null once the holder was erased. */
  jwt: string | null;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  revocationReason: RevocationReason | null;
};

export interface CredentialRepository {
  insert(credential: PracticeCredential): Promise<void>;
  /**
   * A credential by its id alone, whatever its tenant: the public verification routes know only the id (a
   * random UUID), never a tenant. The only cross-tenant read of this table.
   */
  findPublic(credentialId: string): Promise<PracticeCredential | null>;
  /** A person's credentials, newest first. */
  listForPerson(tenantId: string, personId: string): Promise<PracticeCredential[]>;
  /** The tenant's revoked credentials (its revocation list), oldest revocation first. */
  listRevoked(tenantId: string): Promise<PracticeCredential[]>;
}

/** Whether a credential holds at `now`: not revoked and within its validity period. */
export function credentialStanding(
  credential: Pick<PracticeCredential, 'validFrom' | 'validUntil' | 'revokedAt'>,
  now: Date,
): 'valid' | 'revoked' | 'expired' | 'not-yet-valid' {
  if (credential.revokedAt) return 'revoked';
  if (now.getTime() >= credential.validUntil.getTime()) return 'expired';
  if (now.getTime() < credential.validFrom.getTime()) return 'not-yet-valid';
  return 'valid';
}
