import { checkWorkflowDefinition, type WorkflowProblem } from '../workflows';

/**
 * The model's draft when it passes the editor's checks; otherwise the draft built from the answers (which the
 * author can still finish in the tab), with the model's problems kept to tell them why.
 */
export function chooseDraft(options: {
  modelDraft: unknown;
  templateDraft: unknown;
  skillAreaIds: string[];
}): { definition: unknown; source: 'llm' | 'template'; modelProblems: WorkflowProblem[] } {
  if (options.modelDraft !== null) {
    const check = checkWorkflowDefinition(options.modelDraft, { skillAreaIds: options.skillAreaIds });
    if (check.valid) return { definition: check.definition, source: 'llm', modelProblems: [] };
    return { definition: options.templateDraft, source: 'template', modelProblems: check.problems };
  }
  return {
    definition: options.templateDraft,
    source: 'template',
    modelProblems: [
      { path: '(root)', code: 'not_json', message: 'the model did not reply with a JSON workflow' },
    ],
  };
}
