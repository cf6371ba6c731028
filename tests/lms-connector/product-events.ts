import { randomUUID } from 'node:crypto';
import {
  applySessionAction,
  openSession,
  validateWorkflowDefinition,
  type DomainEvent,
  type SessionAction,
  type WorkflowVersion,
} from '../../core';
import { workflowDefinition } from '../factories';

/** Text an employee pastes, a model writes or an employee types in feedback: none of it may reach an LRS. */
export const CONFIDENTIAL = {
  input: 'CONFIDENTIAL-INPUT Q3 salary line for J. Smith 84,000',
  output: 'CONFIDENTIAL-OUTPUT memo naming the Smith salary',
  corrections: 'CONFIDENTIAL-CORRECTION fixed the 84,000',
  whatBroke: 'CONFIDENTIAL-BROKE the draft leaked the payroll figure',
  prompt: 'Explain the largest variances in this table',
};

export const TENANT_ID = '8f3a2c1e-5b6d-4e7f-9a0b-1c2d3e4f5a6b';
export const EMPLOYEE_ID = '11111111-2222-4333-8444-555555555555';
export const AUTHOR_ID = '66666666-7777-4888-9999-aaaaaaaaaaaa';
export const WORKFLOW_ID = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';

/**
 * Every event the product raises, with the data the real code gives it: a whole session played through the
 * session engine (started, steps, completed, reused, rated and shared for review), plus the events of
 * publishing, sharing, reviewing, levels and certificates built as their use cases build them.
 */
export function productEvents(): DomainEvent[] {
  const definition = validateWorkflowDefinition(workflowDefinition(), { skillAreaIds: ['analysis'] });
  const version: WorkflowVersion = {
    id: randomUUID(),
    tenantId: TENANT_ID,
    workflowId: WORKFLOW_ID,
    versionNumber: 2,
    trial: false,
    definition,
    publishedAt: new Date('2026-10-01T09:00:00Z'),
    publishedBy: AUTHOR_ID,
  };
  let now = new Date('2026-11-02T09:00:00.000Z');
  const context = () => ({
    now,
    newId: randomUUID,
    llmAvailable: false,
    workflowAuthorId: AUTHOR_ID,
  });
  const events: DomainEvent[] = [];
  const record = (
    drafts: { type: DomainEvent['type']; data: Record<string, unknown> }[],
    sessionId: string,
  ) => {
    for (const draft of drafts)
      events.push({
        id: randomUUID(),
        tenantId: TENANT_ID,
        type: draft.type,
        personId: EMPLOYEE_ID,
        sessionId,
        workflowId: WORKFLOW_ID,
        occurredAt: now,
        data: draft.data,
      });
  };

  events.push({
    id: randomUUID(),
    tenantId: TENANT_ID,
    type: 'workflow.published',
    personId: AUTHOR_ID,
    sessionId: null,
    workflowId: WORKFLOW_ID,
    occurredAt: version.publishedAt,
    data: { versionId: version.id, versionNumber: 2, skillArea: 'analysis' },
  });
  const opened = openSession({ tenantId: TENANT_ID, personId: EMPLOYEE_ID, version, context: context() });
  let session = opened.session;
  record(opened.events, session.id);
  const actions: SessionAction[] = [
    { type: 'submit_inputs', inputs: { variances: CONFIDENTIAL.input } },
    { type: 'provide_output', text: CONFIDENTIAL.output },
    { type: 'complete_verification', checked: [], corrections: CONFIDENTIAL.corrections },
    {
      type: 'submit_feedback',
      feedback: {
        ratings: { accuracy: 4, clarity: 5, actions: 3 },
        savedTimeGoesTo: 'customers',
        whatBroke: { stepId: 'draft', text: CONFIDENTIAL.whatBroke },
        wouldReuse: true,
        shareForReview: true,
      },
    },
  ];
  for (const action of actions) {
    now = new Date(now.getTime() + 4 * 60_000);
    const outcome = applySessionAction(session, definition, action, context());
    session = outcome.session;
    record(outcome.events, session.id);
  }
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const extra = (
    type: DomainEvent['type'],
    data: Record<string, unknown>,
    overrides: Partial<DomainEvent> = {},
  ): DomainEvent => ({
    id: randomUUID(),
    tenantId: TENANT_ID,
    type,
    personId: EMPLOYEE_ID,
    sessionId: session.id,
    workflowId: WORKFLOW_ID,
    occurredAt: later(60),
    data,
    ...overrides,
  });
  events.push(
    extra('session.reviewed', {
      reviewId: randomUUID(),
      reviewerId: AUTHOR_ID,
      reviewerRole: 'manager',
      scores: { accuracy: 4, clarity: 4, actions: 3 },
      meanScore: 3.67,
    }),
    extra(
      'level.changed',
      { skillArea: 'analysis', fromLevel: 0, toLevel: 1, evidence: [session.id] },
      { sessionId: null, workflowId: null },
    ),
    extra('workflow.shared', { recipients: 3 }, { personId: AUTHOR_ID, sessionId: null }),
    extra('session.abandoned', { stepIndex: 1, workflowVersionId: version.id, reason: 'idle' }),
    extra('workflow.retired', {}, { personId: AUTHOR_ID, sessionId: null }),
    extra(
      'certificate.imported',
      { certificateId: randomUUID(), name: 'Prompting basics', skillArea: 'analysis' },
      { sessionId: null, workflowId: null },
    ),
  );
  return events;
}
