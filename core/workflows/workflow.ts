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

/** A published version is immutable; sessions pin one. */
export type WorkflowVersion = {
  id: string;
  tenantId: string;
  workflowId: string;
  versionNumber: number;
  definition: WorkflowDefinition;
  publishedAt: Date;
  publishedBy: string;
};
