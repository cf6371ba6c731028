import {
  DAY_MS,
  certificateRecordId,
  recordCertificates,
  skillAreaForActivity,
  type CertificateRecord,
  type Clock,
  type Ids,
  type Store,
} from '../../core';
import { DEMO_CERTIFICATE_PATTERNS, DEMO_CERTIFICATES, DEMO_LMS_HOME_PAGE, DEMO_TENANT } from '../demo';

/** A few LMS certificates for demo people, through the same use case as a sync; seeding twice adds nothing. */
export async function seedDemoCertificates(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
}): Promise<number> {
  const { store, clock, ids } = options;
  const records: CertificateRecord[] = [];
  for (const demo of DEMO_CERTIFICATES) {
    const person = await store.people.findByEmail(DEMO_TENANT.id, demo.email);
    if (!person) throw new Error(`Demo certificate for an unknown person ${demo.email}`);
    const activityId = `${DEMO_LMS_HOME_PAGE}/courses/${demo.course}`;
    const held = await store.certificates.listForPerson(DEMO_TENANT.id, person.id);
    if (held.some((certificate) => certificate.activityId === activityId)) continue;
    const issuedAt = new Date(clock.now().getTime() - demo.daysAgo * DAY_MS);
    issuedAt.setUTCHours(0, 0, 0, 0);
    records.push({
      personId: person.id,
      name: demo.name,
      issuer: 'Northwind Learning (LMS)',
      activityId,
      skillArea: skillAreaForActivity(activityId, DEMO_CERTIFICATE_PATTERNS),
      issuedAt,
      statementId: certificateRecordId({
        tenantId: DEMO_TENANT.id,
        personId: person.id,
        name: demo.name,
        issuedAt,
        activityId,
      }),
      source: 'demo',
    });
  }
  const { added } = await recordCertificates({ store, clock, ids, tenantId: DEMO_TENANT.id, records });
  return added.length;
}
