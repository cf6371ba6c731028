export * from './workflow-definition';
export { fillTemplate, findTemplateReferences, type TemplateReference } from './template';
export {
  checkWorkflowDefinition,
  invalidWorkflowDefinition,
  validateWorkflowDefinition,
  type WorkflowCheck,
  type WorkflowProblem,
} from './validate-workflow-definition';
export { publishWorkflow, type PublishWorkflowOptions } from './publish-workflow';
export type { Workflow, WorkflowDraft, WorkflowStatus, WorkflowVersion } from './workflow';
export { recommendWorkflows, type WorkflowSuggestion } from './recommend-workflows';
export { searchTerms, searchWorkflows, type SearchCandidate } from './search-workflows';
export { loadWorkflowCandidates } from './load-workflow-candidates';
export { mayAuthor, mayManageWorkflow, mayReadWorkflow, type WorkflowViewer } from './workflow-access';
export { listWorkflowLibrary, type LibraryEntry, type LibraryFilter } from './list-workflow-library';
export { readWorkflow, type VersionSummary, type WorkflowView } from './read-workflow';
export {
  createWorkflowDraft,
  MAX_DRAFT_CHARS,
  readWorkflowDraft,
  saveWorkflowDraft,
} from './save-workflow-draft';
export { publishWorkflowDraft, validateWorkflowDraft } from './publish-workflow-draft';
export { retireWorkflow } from './retire-workflow';
export { listMyWorkflows } from './list-my-workflows';
