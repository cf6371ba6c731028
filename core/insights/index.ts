export { workflowInsights, type StepInsight, type WorkflowInsightFigures } from './workflow-insights';
export { readWorkflowInsights, type WorkflowInsightsView } from './read-workflow-insights';
