export const STEP_KINDS = ['input', 'generate', 'verify', 'deliverable'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type EditorInput = { name: string; label: string; description: string; required: boolean };
export type EditorStep = {
  id: string;
  kind: StepKind;
  title: string;
  instructions: string;
  /** input steps: the inputs asked for here. */
  inputNames: string[];
  /** generate steps: the prompt template, and advice shown when a result is rated low. */
  prompt: string;
  tips: string;
  /** verify steps: one check per entry. */
  checklist: string[];
  /** deliverable steps: the document template. */
  template: string;
};
export type EditorCriterion = { id: string; criterion: string; description: string };

/** A workflow as the editor holds it: every field present, so the form never meets `undefined`. */
export type EditorDefinition = {
  title: string;
  summary: string;
  skillArea: string;
  departments: string[];
  jobTitles: string[];
  manualMinutes: number;
  inputs: EditorInput[];
  steps: EditorStep[];
  rubric: EditorCriterion[];
};

export function blankStep(kind: StepKind, id: string): EditorStep {
  return {
    id,
    kind,
    title: '',
    instructions: '',
    inputNames: [],
    prompt: '',
    tips: '',
    checklist: [],
    template: '',
  };
}

export function blankDefinition(): EditorDefinition {
  return {
    title: '',
    summary: '',
    skillArea: '',
    departments: [],
    jobTitles: [],
    manualMinutes: 30,
    inputs: [{ name: 'source', label: '', description: '', required: true }],
    steps: [
      { ...blankStep('input', 'collect'), inputNames: ['source'] },
      blankStep('generate', 'draft'),
      blankStep('deliverable', 'result'),
    ],
    rubric: [{ id: 'accurate', criterion: '', description: '' }],
  };
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(record) : []);

/** A saved draft (anything the author saved before, complete or not) as the editor's shape. */
export function fromDraft(definition: unknown): EditorDefinition {
  const source = record(definition);
  const suitedFor = record(source['suitedFor']);
  return {
    title: text(source['title']),
    summary: text(source['summary']),
    skillArea: text(source['skillArea']),
    departments: texts(suitedFor['departments']),
    jobTitles: texts(suitedFor['jobTitles']),
    manualMinutes: typeof source['manualMinutes'] === 'number' ? source['manualMinutes'] : 30,
    inputs: list(source['inputs']).map((input) => ({
      name: text(input['name']),
      label: text(input['label']),
      description: text(input['description']),
      required: input['required'] !== false,
    })),
    steps: list(source['steps']).map((step) => {
      const kind = STEP_KINDS.find((candidate) => candidate === step['kind']) ?? 'input';
      return {
        ...blankStep(kind, text(step['id'])),
        title: text(step['title']),
        instructions: text(step['instructions']),
        inputNames: texts(step['inputNames']),
        prompt: text(step['prompt']),
        tips: text(step['tips']),
        checklist: texts(step['checklist']),
        template: text(step['template']),
      };
    }),
    rubric: list(source['rubric']).map((criterion) => ({
      id: text(criterion['id']),
      criterion: text(criterion['criterion']),
      description: text(criterion['description']),
    })),
  };
}

/** The definition the API stores: each step carries only its own kind's fields. */
export function toDefinition(editor: EditorDefinition): Json {
  return {
    title: editor.title,
    summary: editor.summary,
    skillArea: editor.skillArea,
    suitedFor: { departments: editor.departments, jobTitles: editor.jobTitles },
    manualMinutes: editor.manualMinutes,
    inputs: editor.inputs,
    steps: editor.steps.map(({ id, kind, title, instructions, ...rest }) => {
      const base = { id, kind, title, instructions };
      if (kind === 'input') return { ...base, inputNames: rest.inputNames };
      if (kind === 'generate')
        return { ...base, prompt: rest.prompt, ...(rest.tips.trim() === '' ? {} : { tips: rest.tips }) };
      if (kind === 'verify') return { ...base, checklist: rest.checklist };
      return { ...base, template: rest.template };
    }),
    rubric: editor.rubric,
  };
}

/** "a, b ,, c" → ["a", "b", "c"]: the editor's way to type a short list. */
export function splitList(value: string, separator: string | RegExp = ','): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A fresh id for a new step or criterion, unused so far. */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let number = 1; ; number++) {
    const id = `${prefix}${number}`;
    if (!taken.includes(id)) return id;
  }
}
