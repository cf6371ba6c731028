import type { WorkflowDefinitionDraft } from '../../../core';

/** A published workflow in the demo tenant, written by one of its three authors. */
export type DemoWorkflow = {
  authorEmail: string;
  definition: WorkflowDefinitionDraft;
};

/**
 * Tag for multi-line prompt and document templates: strips the indentation the source file adds,
 * and the blank first and last lines, so templates read naturally in code and exactly in the product.
 */
export function dedent(strings: TemplateStringsArray, ...values: string[]): string {
  const raw = strings.reduce((text, part, index) => text + part + (values[index] ?? ''), '');
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const indent = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}
