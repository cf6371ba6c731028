export type { NewOutboxEntry, OutboxEntry, OutboxStatus, XapiStatementPayload } from './outbox-entry';
export type { OutboxTargetStats, XapiOutboxRepository } from './outbox-repository';
