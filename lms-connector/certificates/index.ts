export { CERTIFICATE_VERBS, VOIDED_VERB } from './certificate-verbs';
export { certificatesFromStatements, type LrsStatement } from './certificates-from-statements';
export { PeopleByActor } from './people-by-actor';
export { nextWatermark, readStatementsSince, type VerbReading } from './read-statements-since';
export { syncCertificates, type CertificateSyncResult } from './sync-certificates';
