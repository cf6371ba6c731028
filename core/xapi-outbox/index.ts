export type { NewOutboxEntry, OutboxEntry, OutboxStatus, XapiStatementPayload } from './outbox-entry';
export type { XapiOutboxRepository } from './outbox-repository';
