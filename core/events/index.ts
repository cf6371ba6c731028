export type { DomainEvent, DomainEventType } from './domain-event';
