import type { DomainEvent } from '../events';
import type { Clock, Ids, Store } from '../ports';
import type { Certificate, CertificateRecord } from './certificate';

/**
 * Stores new certificates and voids withdrawn ones in one transaction, with a `certificate.imported` event for
 * each one added (what lets it count as L1 evidence in its skill area) and `certificate.voided` for each one
 * withdrawn. Records already stored are skipped, so reading the same statements again changes nothing.
 */
export async function recordCertificates(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  tenantId: string;
  records: CertificateRecord[];
  voidedStatementIds?: string[];
  /** More writes that belong to the same transaction (an admin import's audit entry). */
  onRecorded?: (tx: Store, result: { added: Certificate[]; voided: Certificate[] }) => Promise<void>;
}): Promise<{ added: Certificate[]; voided: Certificate[] }> {
  const { store, clock, ids, tenantId } = options;
  const now = clock.now();
  const withdrawn = new Set(options.voidedStatementIds ?? []);
  const certificates: Certificate[] = options.records
    .filter((record) => !withdrawn.has(record.statementId))
    .map((record) => ({ ...record, id: ids.uuid(), tenantId, voided: false }));
  return store.transaction(async (tx) => {
    const added = certificates.length > 0 ? await tx.certificates.add(certificates) : [];
    const voided =
      withdrawn.size > 0 ? await tx.certificates.voidByStatementIds(tenantId, [...withdrawn]) : [];
    const event = (type: DomainEvent['type'], certificate: Certificate): DomainEvent => ({
      id: ids.uuid(),
      tenantId,
      type,
      personId: certificate.personId,
      sessionId: null,
      workflowId: null,
      occurredAt: now,
      data: {
        certificateId: certificate.id,
        name: certificate.name,
        skillArea: certificate.skillArea,
        issuedAt: certificate.issuedAt.toISOString(),
        source: certificate.source,
      },
    });
    for (const certificate of added) await tx.events.append(event('certificate.imported', certificate));
    for (const certificate of voided) await tx.events.append(event('certificate.voided', certificate));
    await options.onRecorded?.(tx, { added, voided });
    return { added, voided };
  });
}
