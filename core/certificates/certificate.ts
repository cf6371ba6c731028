/** Where a certificate came from: read from an LRS target, imported by an admin from CSV, or the demo seed. */
export type CertificateSource = `lrs:${string}` | 'csv' | 'demo';

/** A course completion or credential from the company's LMS; counts as L1 evidence in its skill area. */
export type Certificate = {
  id: string;
  tenantId: string;
  personId: string;
  name: string;
  issuer: string | null;
  activityId: string | null;
  skillArea: string | null;
  issuedAt: Date;
  /**
   * The LRS statement it was read from; for CSV and demo rows a name-based UUID of the row's facts, so that
   * reading or importing the same record again adds nothing.
   */
  statementId: string;
  source: CertificateSource;
  voided: boolean;
};

/** A certificate as a source describes it, before it is stored. */
export type CertificateRecord = Omit<Certificate, 'id' | 'tenantId' | 'voided'>;

/** An activity-id pattern (`*` matches anything) whose certificates count in a skill area. */
export type CertificateSkillAreaPattern = { pattern: string; skillArea: string };

export interface CertificateRepository {
  /** Stores certificates; one whose (tenant, statement id) is already stored is left alone. Returns those added. */
  add(certificates: Certificate[]): Promise<Certificate[]>;
  /** Marks the certificates read from these statements as voided; returns those that changed. */
  voidByStatementIds(tenantId: string, statementIds: string[]): Promise<Certificate[]>;
  listForPerson(tenantId: string, personId: string): Promise<Certificate[]>;
  listForTenant(tenantId: string, options?: { limit?: number }): Promise<Certificate[]>;
}
