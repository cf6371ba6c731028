import type { Person } from '../people';
import type { WorkflowUsage } from '../ports/store';
import type { Workflow } from './workflow';
import type { WorkflowDefinition } from './workflow-definition';

export type WorkflowSuggestion = {
  workflow: Workflow;
  authorName: string;
  usage: WorkflowUsage;
  /** Why it was suggested, in words the employee reads. */
  reason: string;
};

/**
 * Published workflows that suit a person: their department and job title first, then what colleagues adopt.
 * A person's own workflows are left out (they know them).
 */
export function recommendWorkflows(options: {
  person: Pick<Person, 'id' | 'department' | 'jobTitle'>;
  workflows: { workflow: Workflow; definition: WorkflowDefinition; authorName: string }[];
  usage: WorkflowUsage[];
  limit: number;
}): WorkflowSuggestion[] {
  const usageById = new Map(options.usage.map((entry) => [entry.workflowId, entry]));
  const department = options.person.department?.toLowerCase() ?? '';
  const jobTitle = options.person.jobTitle?.toLowerCase() ?? '';
  return options.workflows
    .filter(({ workflow }) => workflow.status === 'published' && workflow.authorId !== options.person.id)
    .map(({ workflow, definition, authorName }) => {
      const usage = usageById.get(workflow.id) ?? {
        workflowId: workflow.id,
        completions: 0,
        colleagues: 0,
        medianMinutesSaved: null,
        meanRating: null,
      };
      const titleMatch =
        jobTitle !== '' && definition.suitedFor.jobTitles.some((title) => title.toLowerCase() === jobTitle);
      const departmentMatch =
        department !== '' &&
        definition.suitedFor.departments.some((name) => name.toLowerCase() === department);
      const score = (titleMatch ? 4 : 0) + (departmentMatch ? 2 : 0) + Math.log2(1 + usage.colleagues);
      const reason = titleMatch
        ? `Suits ${options.person.jobTitle}s`
        : departmentMatch
          ? `Used in ${options.person.department}`
          : 'Popular with colleagues';
      return { suggestion: { workflow, authorName, usage, reason }, score };
    })
    .sort(
      (a, b) => b.score - a.score || a.suggestion.workflow.title.localeCompare(b.suggestion.workflow.title),
    )
    .slice(0, options.limit)
    .map(({ suggestion }) => suggestion);
}
