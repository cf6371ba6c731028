export { OutboxDispatcher, type DispatchTarget, type DispatcherOptions } from './outbox-dispatcher';
export { deliverBatch, type DeliveryOutcome } from './deliver-batch';
export { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
