export type {
  Certificate,
  CertificateRecord,
  CertificateRepository,
  CertificateSkillAreaPattern,
  CertificateSource,
} from './certificate';
export { certificateRecordId } from './certificate-record-id';
export {
  CSV_MAX_BYTES,
  CSV_MAX_ROWS,
  importCertificatesCsv,
  type CertificateCsvImportResult,
} from './import-certificates-csv';
export { parseCsv, type CsvRow } from './parse-csv';
export { recordCertificates } from './record-certificates';
export { skillAreaForActivity } from './skill-area-for-activity';
