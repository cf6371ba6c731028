export { GONE_PERSON_NAME, listAuditLog, type AuditPage, type NamedAuditEntry } from './list-audit-log';
