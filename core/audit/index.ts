export { listAuditLog, type AuditPage } from './list-audit-log';
