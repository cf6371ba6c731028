/** The deliverable as a plain message the employee can copy; it is also kept with the session. */
export function deliverableMessage(workflowTitle: string, deliverable: string): string {
  return [`**Your deliverable: ${workflowTitle}**`, '', deliverable].join('\n');
}
