import { Button, Checkbox, Field, Input, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import { type EditorDefinition, type EditorStep, STEP_KINDS, type StepKind, splitList } from './editorModel';
import { useEditorStyles } from './EditorPage.styles';
import { availablePlaceholders, fillPreview } from './placeholders';
import { TemplateField } from './TemplateField';

const KIND_LABELS: Record<StepKind, string> = {
  input: 'Input: the employee provides material',
  generate: 'Generate: the AI drafts from a prompt',
  verify: 'Verify: the employee checks a checklist',
  deliverable: 'Deliverable: the finished document',
};

type Props = {
  definition: EditorDefinition;
  index: number;
  samples: Record<string, string>;
  problemAt: (path: string) => string | undefined;
  onChange: (step: EditorStep) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
};

/** One step of the workflow, with the fields of its kind and, for templates, a live preview. */
export function StepEditor({ definition, index, samples, problemAt, onChange, onMove, onRemove }: Props) {
  const styles = useEditorStyles();
  const step = definition.steps[index] as EditorStep;
  const path = `steps.${index}`;
  const set = (change: Partial<EditorStep>) => onChange({ ...step, ...change });
  const field = (name: string) => {
    const problem = problemAt(`${path}.${name}`);
    return { validationMessage: problem, validationState: problem ? ('error' as const) : ('none' as const) };
  };
  const available = availablePlaceholders(definition, index);
  const titles = Object.fromEntries(definition.steps.map((each) => [each.id, each.title || each.id]));
  const template =
    step.kind === 'generate' ? step.prompt : step.kind === 'deliverable' ? step.template : null;

  return (
    <li className={styles.card} aria-label={`Step ${index + 1}: ${step.title || 'untitled'}`}>
      <Subtitle2 as="h4">Step {index + 1}</Subtitle2>
      <div className={styles.row}>
        <Field label="Kind" {...field('kind')}>
          <Select value={step.kind} onChange={(_event, data) => set({ kind: data.value as StepKind })}>
            {STEP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Step id" {...field('id')}>
          <Input value={step.id} onChange={(_event, data) => set({ id: data.value })} />
        </Field>
        <Field label="Step title" className={styles.grow} {...field('title')}>
          <Input value={step.title} onChange={(_event, data) => set({ title: data.value })} />
        </Field>
      </div>
      <Field label="Instructions to the employee" {...field('instructions')}>
        <Textarea value={step.instructions} onChange={(_event, data) => set({ instructions: data.value })} />
      </Field>
      {step.kind === 'input' && (
        <Field label="Inputs asked for in this step" {...field('inputNames')}>
          {definition.inputs
            .filter((input) => input.name !== '')
            .map((input) => (
              <Checkbox
                key={input.name}
                label={`${input.label || input.name} (${input.name})`}
                checked={step.inputNames.includes(input.name)}
                onChange={(_event, data) =>
                  set({
                    inputNames: data.checked
                      ? [...step.inputNames, input.name]
                      : step.inputNames.filter((name) => name !== input.name),
                  })
                }
              />
            ))}
        </Field>
      )}
      {step.kind === 'generate' && (
        <>
          <TemplateField
            label="Prompt template"
            value={step.prompt}
            available={available}
            problem={problemAt(`${path}.prompt`)}
            onChange={(prompt) => set({ prompt })}
          />
          <Field label="Tips when the result is rated low (optional)" {...field('tips')}>
            <Input value={step.tips} onChange={(_event, data) => set({ tips: data.value })} />
          </Field>
        </>
      )}
      {step.kind === 'verify' && (
        <Field label="Checklist (one check per line)" {...field('checklist')}>
          <Textarea
            value={step.checklist.join('\n')}
            onChange={(_event, data) => set({ checklist: data.value.split('\n') })}
            onBlur={() => set({ checklist: splitList(step.checklist.join('\n'), '\n') })}
          />
        </Field>
      )}
      {step.kind === 'deliverable' && (
        <TemplateField
          label="Document template"
          value={step.template}
          available={available}
          problem={problemAt(`${path}.template`)}
          onChange={(value) => set({ template: value })}
        />
      )}
      {template !== null && template.trim() !== '' && (
        <Field label={`Preview of step ${index + 1} with your sample inputs`}>
          <pre className={styles.preview}>{fillPreview(template, samples, titles)}</pre>
        </Field>
      )}
      <div className={styles.actions}>
        <Button size="small" disabled={index === 0} onClick={() => onMove(-1)}>
          Move up
        </Button>
        <Button size="small" disabled={index === definition.steps.length - 1} onClick={() => onMove(1)}>
          Move down
        </Button>
        <Button size="small" onClick={onRemove}>
          Remove step {index + 1}
        </Button>
      </div>
    </li>
  );
}
