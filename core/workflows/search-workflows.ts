import type { Person } from '../people';
import type { WorkflowUsage } from '../ports/store';
import type { WorkflowSuggestion } from './recommend-workflows';
import type { Workflow } from './workflow';
import type { WorkflowDefinition } from './workflow-definition';

export type SearchCandidate = { workflow: Workflow; definition: WorkflowDefinition; authorName: string };

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'for',
  'of',
  'to',
  'in',
  'on',
  'my',
  'with',
  'from',
  'me',
  'i',
  'find',
  'search',
]);

export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((term) => term.length > 1 && !STOP_WORDS.has(term));
}

/** A word matches a field when the field has a word starting with it ("competitor" finds "competitive" via its stem). */
function matches(field: string, term: string): boolean {
  const stem = term.length > 5 ? term.slice(0, term.length - 2) : term;
  return field
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => word.startsWith(stem));
}

function textScore(candidate: SearchCandidate, terms: string[]): number {
  const { definition } = candidate;
  const steps = definition.steps.map((step) => step.title).join(' ');
  return terms.reduce((score, term) => {
    if (matches(definition.title, term)) return score + 5;
    if (matches(definition.summary, term)) return score + 3;
    if (matches(steps, term) || definition.suitedFor.jobTitles.some((title) => matches(title, term)))
      return score + 1;
    return score;
  }, 0);
}

/**
 * Workflows found by words and/or a skill area, best first: how well the words match, then how well the
 * workflow suits the person's department and job title, then how many colleagues adopted it.
 */
export function searchWorkflows(options: {
  person: Pick<Person, 'department' | 'jobTitle'>;
  candidates: SearchCandidate[];
  usage: WorkflowUsage[];
  query?: string;
  skillArea?: string;
  limit: number;
}): WorkflowSuggestion[] {
  const terms = searchTerms(options.query ?? '');
  const usageById = new Map(options.usage.map((entry) => [entry.workflowId, entry]));
  const department = options.person.department?.toLowerCase() ?? '';
  const jobTitle = options.person.jobTitle?.toLowerCase() ?? '';
  return options.candidates
    .filter(({ workflow }) => workflow.status === 'published')
    .filter(({ definition }) => !options.skillArea || definition.skillArea === options.skillArea)
    .map((candidate) => {
      const usage = usageById.get(candidate.workflow.id) ?? {
        workflowId: candidate.workflow.id,
        completions: 0,
        colleagues: 0,
        medianMinutesSaved: null,
        meanRating: null,
      };
      const titleFit =
        jobTitle !== '' &&
        candidate.definition.suitedFor.jobTitles.some((title) => title.toLowerCase() === jobTitle);
      const departmentFit =
        department !== '' &&
        candidate.definition.suitedFor.departments.some((name) => name.toLowerCase() === department);
      const relevance = terms.length === 0 ? 0 : textScore(candidate, terms);
      const fit = (titleFit ? 2 : 0) + (departmentFit ? 1 : 0) + Math.log2(1 + usage.colleagues) / 4;
      const reason = titleFit
        ? `Suits ${options.person.jobTitle}s`
        : departmentFit
          ? `Used in ${options.person.department}`
          : 'From a colleague';
      return {
        suggestion: { workflow: candidate.workflow, authorName: candidate.authorName, usage, reason },
        relevance,
        fit,
      };
    })
    .filter((entry) => terms.length === 0 || entry.relevance > 0)
    .sort(
      (a, b) =>
        b.relevance - a.relevance ||
        b.fit - a.fit ||
        a.suggestion.workflow.title.localeCompare(b.suggestion.workflow.title),
    )
    .slice(0, options.limit)
    .map((entry) => entry.suggestion);
}
