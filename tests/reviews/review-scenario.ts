import { randomUUID } from 'node:crypto';
import { workflowDefinitionSchema, type Person, type Session, type SessionFeedback } from '../../core';
import { newSession, workflowDefinition } from '../factories';
import { FakeReviewStore } from './fake-review-store';

const person = (tenantId: string, name: string, managerId: string | null = null): Person => ({
  id: randomUUID(),
  tenantId,
  aadObjectId: randomUUID(),
  displayName: name,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
  department: 'Finance',
  jobTitle: 'Analyst',
  managerId,
  employeeId: null,
  lmsIdentifier: null,
  roles: ['employee'],
  conversationReference: null,
  active: true,
});

export const feedback = (shared: boolean): SessionFeedback => ({
  ratings: { accuracy: 3, clarity: 3, actions: 3 },
  meanRating: 3,
  minutesTaken: 30,
  manualMinutes: 120,
  savedTimeGoesTo: 'customers',
  whatBroke: null,
  wouldReuse: true,
  sharedForReview: shared,
  givenAt: '2026-11-02T10:00:00.000Z',
});

/** A finance team: Morgan manages Jordan and Casey; Alex wrote the workflow Jordan ran. */
export function reviewScenario() {
  const tenantId = randomUUID();
  const fake = new FakeReviewStore(tenantId);
  const manager = person(tenantId, 'Morgan Manager');
  const author = person(tenantId, 'Alex Author');
  const owner = person(tenantId, 'Jordan Owner', manager.id);
  const colleague = person(tenantId, 'Casey Colleague', manager.id);
  fake.tables.people.push(manager, author, owner, colleague);
  const workflowId = randomUUID();
  const versionId = randomUUID();
  const definition = workflowDefinitionSchema.parse(workflowDefinition());
  const at = new Date('2026-11-01T09:00:00.000Z');
  fake.tables.workflows.push({
    id: workflowId,
    tenantId,
    authorId: author.id,
    title: definition.title,
    summary: definition.summary,
    skillArea: definition.skillArea,
    status: 'published',
    latestVersionNumber: 1,
    createdAt: at,
    updatedAt: at,
  });
  fake.tables.versions.push({
    id: versionId,
    tenantId,
    workflowId,
    versionNumber: 1,
    trial: false,
    definition,
    publishedAt: at,
    publishedBy: author.id,
  });
  const addSession = (overrides: Partial<Session> = {}): Session => {
    const session = newSession({
      tenantId,
      personId: owner.id,
      workflowId,
      workflowVersionId: versionId,
      status: 'completed',
      phase: 'done',
      deliverable: '# Variance memo\n\nRevenue rose 4%.',
      feedback: feedback(true),
      completedAt: new Date('2026-11-02T09:50:00.000Z'),
      ...overrides,
    });
    fake.tables.sessions.push(session);
    return session;
  };
  return { fake, tenantId, manager, author, owner, colleague, workflowId, versionId, addSession };
}
