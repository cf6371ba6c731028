import { Button, Checkbox, Field, Input, Subtitle1, Textarea } from '@fluentui/react-components';
import { type EditorCriterion, type EditorInput, freshId } from './editorModel';
import { useEditorStyles } from './EditorPage.styles';

type ProblemAt = (path: string) => string | undefined;

function fieldState(problem: string | undefined) {
  return { validationMessage: problem, validationState: problem ? ('error' as const) : ('none' as const) };
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((each, at) => (at === index ? item : each));
}

/** What the employee brings (each input's name is what templates refer to), with a sample for the preview. */
export function InputsEditor(props: {
  inputs: EditorInput[];
  samples: Record<string, string>;
  problemAt: ProblemAt;
  onChange: (inputs: EditorInput[]) => void;
  onSample: (name: string, value: string) => void;
}) {
  const styles = useEditorStyles();
  const { inputs, problemAt, onChange } = props;
  return (
    <section className={styles.section} aria-labelledby="inputs-heading">
      <Subtitle1 as="h3" id="inputs-heading">
        Inputs
      </Subtitle1>
      {problemAt('inputs') && <span role="alert">{problemAt('inputs')}</span>}
      <ul className={styles.section} aria-label="Inputs" style={{ listStyleType: 'none', padding: 0 }}>
        {inputs.map((input, index) => {
          const set = (change: Partial<EditorInput>) =>
            onChange(replaceAt(inputs, index, { ...input, ...change }));
          return (
            <li key={index} className={styles.card} aria-label={`Input ${index + 1}`}>
              <div className={styles.row}>
                <Field label="Input name" {...fieldState(problemAt(`inputs.${index}.name`))}>
                  <Input value={input.name} onChange={(_event, data) => set({ name: data.value })} />
                </Field>
                <Field
                  label="Input label"
                  className={styles.grow}
                  {...fieldState(problemAt(`inputs.${index}.label`))}
                >
                  <Input value={input.label} onChange={(_event, data) => set({ label: data.value })} />
                </Field>
                <Checkbox
                  label="Required"
                  checked={input.required}
                  onChange={(_event, data) => set({ required: data.checked === true })}
                />
              </div>
              <Field label="Input description" {...fieldState(problemAt(`inputs.${index}.description`))}>
                <Input
                  value={input.description}
                  onChange={(_event, data) => set({ description: data.value })}
                />
              </Field>
              <Field label={`Sample ${input.name || 'input'} for the preview (not saved)`}>
                <Textarea
                  value={props.samples[input.name] ?? ''}
                  onChange={(_event, data) => props.onSample(input.name, data.value)}
                />
              </Field>
              <div>
                <Button size="small" onClick={() => onChange(inputs.filter((_each, at) => at !== index))}>
                  Remove input {index + 1}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <div>
        <Button
          onClick={() =>
            onChange([
              ...inputs,
              {
                name: freshId(
                  'input',
                  inputs.map((each) => each.name),
                ),
                label: '',
                description: '',
                required: true,
              },
            ])
          }
        >
          Add input
        </Button>
      </div>
    </section>
  );
}

/** How a result is judged: reviewers and the employee score each criterion 1 to 5. */
export function RubricEditor(props: {
  rubric: EditorCriterion[];
  problemAt: ProblemAt;
  onChange: (rubric: EditorCriterion[]) => void;
}) {
  const styles = useEditorStyles();
  const { rubric, problemAt, onChange } = props;
  return (
    <section className={styles.section} aria-labelledby="rubric-edit-heading">
      <Subtitle1 as="h3" id="rubric-edit-heading">
        Rubric
      </Subtitle1>
      {problemAt('rubric') && <span role="alert">{problemAt('rubric')}</span>}
      <ul
        className={styles.section}
        aria-label="Rubric criteria"
        style={{ listStyleType: 'none', padding: 0 }}
      >
        {rubric.map((criterion, index) => {
          const set = (change: Partial<EditorCriterion>) =>
            onChange(replaceAt(rubric, index, { ...criterion, ...change }));
          return (
            <li key={index} className={styles.card} aria-label={`Criterion ${index + 1}`}>
              <div className={styles.row}>
                <Field label="Criterion id" {...fieldState(problemAt(`rubric.${index}.id`))}>
                  <Input value={criterion.id} onChange={(_event, data) => set({ id: data.value })} />
                </Field>
                <Field
                  label="Criterion"
                  className={styles.grow}
                  {...fieldState(problemAt(`rubric.${index}.criterion`))}
                >
                  <Input
                    value={criterion.criterion}
                    onChange={(_event, data) => set({ criterion: data.value })}
                  />
                </Field>
              </div>
              <Field label="What a 5 looks like" {...fieldState(problemAt(`rubric.${index}.description`))}>
                <Input
                  value={criterion.description}
                  onChange={(_event, data) => set({ description: data.value })}
                />
              </Field>
              <div>
                <Button size="small" onClick={() => onChange(rubric.filter((_each, at) => at !== index))}>
                  Remove criterion {index + 1}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <div>
        <Button
          onClick={() =>
            onChange([
              ...rubric,
              {
                id: freshId(
                  'criterion',
                  rubric.map((each) => each.id),
                ),
                criterion: '',
                description: '',
              },
            ])
          }
        >
          Add criterion
        </Button>
      </div>
    </section>
  );
}
