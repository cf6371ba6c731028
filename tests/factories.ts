import { randomUUID } from 'node:crypto';
import {
  defaultTenantSettings,
  type Clock,
  type PersonProfile,
  type Session,
  type Store,
  type WorkflowDefinitionDraft,
} from '../core';

export const fixedClock = (
  iso = '2026-11-02T09:00:00.000Z',
): Clock & { set(iso: string): void; advance(ms: number): void } => {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
};

export async function seedTenant(
  store: Store,
  overrides: { id?: string; displayName?: string } = {},
): Promise<string> {
  const id = overrides.id ?? randomUUID();
  await store.tenants.ensure({
    id,
    displayName: overrides.displayName ?? `Tenant ${id.slice(0, 8)}`,
    settings: defaultTenantSettings(),
  });
  return id;
}

export function personProfile(overrides: Partial<PersonProfile> = {}): PersonProfile {
  const aadObjectId = overrides.aadObjectId ?? randomUUID();
  return {
    tenantId: overrides.tenantId ?? randomUUID(),
    aadObjectId,
    displayName: 'Avery Analyst',
    email: `avery.${aadObjectId.slice(0, 8)}@example.com`,
    department: 'Finance',
    jobTitle: 'Financial Analyst',
    managerAadObjectId: null,
    employeeId: `E-${aadObjectId.slice(0, 6)}`,
    lmsIdentifier: `E-${aadObjectId.slice(0, 6)}`,
    roles: ['employee'],
    ...overrides,
  };
}

export function workflowDefinition(
  overrides: Partial<WorkflowDefinitionDraft> = {},
): WorkflowDefinitionDraft {
  return {
    title: 'Monthly variance memo',
    summary: 'Turn the month-end variance table into a memo the CFO can read in two minutes.',
    skillArea: 'analysis',
    suitedFor: { departments: ['Finance'], jobTitles: ['Financial Analyst'] },
    manualMinutes: 120,
    inputs: [
      { name: 'variances', label: 'Variance table', description: 'Paste the budget vs actual table.' },
    ],
    steps: [
      {
        id: 'collect',
        kind: 'input',
        title: 'Your figures',
        instructions: 'Paste the table.',
        inputNames: ['variances'],
      },
      {
        id: 'draft',
        kind: 'generate',
        title: 'Draft the memo',
        instructions: 'Review the draft.',
        prompt: 'Explain the largest variances in this table:\n{{input.variances}}',
      },
      {
        id: 'check',
        kind: 'verify',
        title: 'Check figures',
        instructions: 'Compare with the ledger.',
        checklist: ['Every figure matches the table'],
      },
      {
        id: 'memo',
        kind: 'deliverable',
        title: 'Memo',
        instructions: 'Copy it.',
        template: '# Variance memo\n\n{{step.draft.output}}',
      },
    ],
    rubric: [
      { id: 'accuracy', criterion: 'Accuracy', description: 'Figures match the source.' },
      { id: 'clarity', criterion: 'Clarity', description: 'A reader gets the point in two minutes.' },
      { id: 'actions', criterion: 'Actions', description: 'Names owners and next steps.' },
    ],
    ...overrides,
  };
}

export function newSession(
  overrides: Partial<Session> & Pick<Session, 'tenantId' | 'personId' | 'workflowId' | 'workflowVersionId'>,
): Session {
  const now = new Date('2026-11-02T09:00:00.000Z');
  return {
    id: randomUUID(),
    trial: false,
    status: 'active',
    phase: 'steps',
    currentStepIndex: 0,
    steps: [],
    deliverable: null,
    feedback: null,
    activeMs: 0,
    lastActivityAt: now,
    version: 1,
    startedAt: now,
    updatedAt: now,
    completedAt: null,
    contentPurgedAt: null,
    ...overrides,
  };
}
