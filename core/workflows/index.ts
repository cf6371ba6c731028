export * from './workflow-definition';
export { fillTemplate, findTemplateReferences, type TemplateReference } from './template';
export { validateWorkflowDefinition } from './validate-workflow-definition';
export { publishWorkflow, type PublishWorkflowOptions } from './publish-workflow';
export type { Workflow, WorkflowStatus, WorkflowVersion } from './workflow';
export { recommendWorkflows, type WorkflowSuggestion } from './recommend-workflows';
export { searchTerms, searchWorkflows, type SearchCandidate } from './search-workflows';
