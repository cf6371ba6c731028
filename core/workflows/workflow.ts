import type { WorkflowDefinition } from './workflow-definition';

export type WorkflowStatus = 'draft' | 'published' | 'retired';

export type Workflow = {
  id: string;
  tenantId: string;
  authorId: string;
  title: string;
  summary: string;
  skillArea: string;
  status: WorkflowStatus;
  latestVersionNumber: number;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * A published version is immutable; sessions pin one. A trial version is a frozen copy of the draft an author
 * is trying: never listed, never latest, numbered 0 so published versions stay 1, 2, 3…
 */
export type WorkflowVersion = {
  id: string;
  tenantId: string;
  workflowId: string;
  versionNumber: number;
  trial: boolean;
  definition: WorkflowDefinition;
  publishedAt: Date;
  publishedBy: string;
};

/**
 * An author's working copy of a workflow's next version. Its definition is whatever the author last saved
 * (it may be incomplete); it is checked when validated and when published, never when saved.
 */
export type WorkflowDraft = {
  tenantId: string;
  workflowId: string;
  definition: unknown;
  updatedBy: string;
  updatedAt: Date;
};
