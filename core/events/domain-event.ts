export type DomainEventType =
  | 'workflow.published'
  | 'workflow.retired'
  | 'workflow.shared'
  | 'session.started'
  | 'session.step_completed'
  | 'session.completed'
  | 'session.abandoned'
  | 'session.rated'
  | 'session.reviewed'
  | 'workflow.reused'
  | 'level.changed'
  | 'certificate.imported'
  | 'certificate.voided'
  | 'practice.attested'
  | 'credential.issued';

export type DomainEvent = {
  id: string;
  tenantId: string;
  type: DomainEventType;
  personId: string | null;
  sessionId: string | null;
  workflowId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
};
