export type TemplateReference = { kind: 'input'; name: string } | { kind: 'step'; stepId: string };

const PLACEHOLDER = /\{\{\s*(input\.([A-Za-z0-9_-]+)|step\.([A-Za-z0-9_-]+)\.output)\s*\}\}/g;
const ANY_PLACEHOLDER = /\{\{([^}]*)\}\}/g;

export function findTemplateReferences(template: string): TemplateReference[] {
  const references: TemplateReference[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match[2] !== undefined) references.push({ kind: 'input', name: match[2] });
    else if (match[3] !== undefined) references.push({ kind: 'step', stepId: match[3] });
  }
  return references;
}

/** Placeholders that are neither {{input.x}} nor {{step.x.output}}: almost always an author's typo. */
export function findUnknownPlaceholders(template: string): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(ANY_PLACEHOLDER)) {
    const inner = match[0];
    if (!new RegExp(PLACEHOLDER.source).test(inner)) unknown.push(inner);
  }
  return unknown;
}

export function fillTemplate(
  template: string,
  values: { inputs: Record<string, string>; stepOutputs: Record<string, string> },
): string {
  return template.replace(PLACEHOLDER, (_whole, _ref, inputName?: string, stepId?: string) => {
    if (inputName !== undefined) return values.inputs[inputName] ?? '';
    return values.stepOutputs[stepId ?? ''] ?? '';
  });
}
