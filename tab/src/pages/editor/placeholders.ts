import type { EditorDefinition } from './editorModel';

/**
 * The server's placeholder syntax (core/workflows/template.ts): `{{input.name}}` and `{{step.id.output}}`.
 * The tab reaches the server over HTTP only, so the pattern is repeated here; the server's validation has
 * the final word, and the editor shows its problems.
 */
const PLACEHOLDER = /\{\{\s*(input\.([A-Za-z0-9_-]+)|step\.([A-Za-z0-9_-]+)\.output)\s*\}\}/g;

export type Placeholder = { text: string; description: string };

/**
 * What a template of the step at `stepIndex` may use: inputs collected by earlier input steps (or this one)
 * and the outputs of earlier generate steps, as the server's validation allows.
 */
export function availablePlaceholders(definition: EditorDefinition, stepIndex: number): Placeholder[] {
  const earlier = definition.steps.slice(0, stepIndex + 1);
  const collected = new Set(
    earlier.filter((step) => step.kind === 'input').flatMap((step) => step.inputNames),
  );
  const inputs = definition.inputs
    .filter((input) => input.name !== '' && collected.has(input.name))
    .map((input) => ({ text: `{{input.${input.name}}}`, description: input.label || input.name }));
  const outputs = definition.steps
    .slice(0, stepIndex)
    .filter((step) => step.kind === 'generate' && step.id !== '')
    .map((step) => ({
      text: `{{step.${step.id}.output}}`,
      description: `what “${step.title || step.id}” drafts`,
    }));
  return [...inputs, ...outputs];
}

/**
 * When the caret sits inside an unfinished `{{…`, the placeholders that match what was typed after the
 * braces, and where the typed text starts; otherwise null.
 */
export function suggestPlaceholders(
  textBeforeCaret: string,
  available: readonly Placeholder[],
): { from: number; options: Placeholder[] } | null {
  const from = textBeforeCaret.lastIndexOf('{{');
  if (from === -1 || textBeforeCaret.slice(from).includes('}}')) return null;
  const typed = textBeforeCaret
    .slice(from + 2)
    .trim()
    .toLowerCase();
  if (/\s/.test(typed)) return null;
  const options = available.filter((placeholder) =>
    placeholder.text.slice(2).toLowerCase().startsWith(typed),
  );
  return options.length === 0 ? null : { from, options };
}

/** `text` with the unfinished placeholder between `from` and `caret` completed; the caret after it. */
export function insertPlaceholder(
  text: string,
  from: number,
  caret: number,
  placeholder: Placeholder,
): { text: string; caret: number } {
  const after = text.slice(caret).replace(/^[A-Za-z0-9_.-]*\}\}/, '');
  return { text: text.slice(0, from) + placeholder.text + after, caret: from + placeholder.text.length };
}

/**
 * A template filled as the server will fill it, with the author's sample inputs; an input without a sample
 * and an earlier step's output (not known until someone runs the workflow) are shown in brackets.
 */
export function fillPreview(
  template: string,
  samples: Readonly<Record<string, string>>,
  stepTitles: Readonly<Record<string, string>>,
): string {
  return template.replace(PLACEHOLDER, (_whole, _reference, inputName?: string, stepId?: string) => {
    if (inputName !== undefined) {
      const sample = samples[inputName] ?? '';
      return sample.trim() === '' ? `[${inputName}: no sample yet]` : sample;
    }
    const id = stepId ?? '';
    return `[what “${stepTitles[id] ?? id}” drafts]`;
  });
}
