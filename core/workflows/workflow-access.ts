import type { CallerRole, Person } from '../people';
import type { Workflow } from './workflow';

/** Who is asking about workflows: the signed-in person and their roles (from effectiveRoles). */
export type WorkflowViewer = {
  person: Pick<Person, 'id' | 'tenantId' | 'department' | 'jobTitle'>;
  roles: readonly CallerRole[];
};

/** Authors (the Practica.Author app role) and admins write workflows. */
export function mayAuthor(viewer: WorkflowViewer): boolean {
  return viewer.roles.includes('author') || viewer.roles.includes('admin');
}

/** A workflow's own author (while they hold the author role) or an admin may edit, publish and retire it. */
export function mayManageWorkflow(viewer: WorkflowViewer, workflow: Workflow): boolean {
  if (viewer.roles.includes('admin')) return true;
  return viewer.roles.includes('author') && workflow.authorId === viewer.person.id;
}

/**
 * Everyone in the tenant sees published workflows; drafts and retired ones only those who manage them.
 * Anything else is answered as if it did not exist.
 */
export function mayReadWorkflow(viewer: WorkflowViewer, workflow: Workflow): boolean {
  return workflow.status === 'published' || mayManageWorkflow(viewer, workflow);
}
