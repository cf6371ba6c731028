export { outboxRows } from './outbox-rows';
export type { OutboxTarget } from './outbox-target';
export { withXapiOutbox, type XapiOutboxOptions } from './with-xapi-outbox';
