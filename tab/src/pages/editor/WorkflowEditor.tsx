import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  SpinButton,
  Subtitle1,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ProblemMessage } from '../../components/ProblemMessage';
import {
  blankStep,
  type EditorDefinition,
  freshId,
  splitList,
  STEP_KINDS,
  type StepKind,
} from './editorModel';
import { useEditorStyles } from './EditorPage.styles';
import { WorkflowInsights } from './WorkflowInsights';
import { InputsEditor, RubricEditor } from './ListEditors';
import { StepEditor } from './StepEditor';
import { useWorkflowDraft } from './useWorkflowDraft';

type Props = {
  workflowId: string | null;
  areaNames: Map<string, string>;
  navigate: (path: string) => void;
};

/** Writing a workflow: its listing, inputs, steps and rubric, checked by the server and published from here. */
export function WorkflowEditor({ workflowId, areaNames, navigate }: Props) {
  const styles = useEditorStyles();
  const draft = useWorkflowDraft(workflowId, (id) => navigate(`/workflows/${id}/edit`));
  const [samples, setSamples] = useState<Record<string, string>>({});
  const { state } = draft;
  if (state.status === 'loading') return <Spinner label="Loading the draft…" />;
  if (state.status === 'error')
    return <ProblemMessage title="This workflow cannot be edited" message={state.notice?.text ?? ''} />;

  const definition = state.definition;
  const update = (change: Partial<EditorDefinition>) => draft.setDefinition({ ...definition, ...change });
  const problemAt = (path: string) => {
    const found = state.problems.filter((problem) => problem.path === path);
    return found.length === 0 ? undefined : found.map((problem) => problem.message).join('; ');
  };
  const field = (path: string) => {
    const problem = problemAt(path);
    return { validationMessage: problem, validationState: problem ? ('error' as const) : ('none' as const) };
  };
  const addStep = (kind: StepKind) => {
    const ids = definition.steps.map((step) => step.id);
    update({
      steps: [...definition.steps, blankStep(kind, freshId(kind === 'generate' ? 'draft' : kind, ids))],
    });
  };
  const moveStep = (index: number, offset: -1 | 1) => {
    const steps = [...definition.steps];
    const [moved] = steps.splice(index, 1);
    if (moved) steps.splice(index + offset, 0, moved);
    update({ steps });
  };

  return (
    <div className={styles.page}>
      <div className={styles.actions}>
        <Button
          appearance="subtle"
          onClick={() => navigate(workflowId ? `/workflows/${workflowId}` : '/authoring')}
        >
          ← Back
        </Button>
      </div>
      <Subtitle1 as="h2">
        {workflowId === null ? 'New workflow' : `Editing: ${definition.title || 'untitled workflow'}`}
      </Subtitle1>
      <Caption1>
        {state.workflowStatus === null
          ? 'Not saved yet.'
          : `${state.workflowStatus} · ${state.latestVersion === 0 ? 'never published' : `version ${state.latestVersion} is the latest published`}`}
      </Caption1>

      <section className={styles.section} aria-labelledby="listing-heading">
        <Subtitle1 as="h3" id="listing-heading">
          What it is
        </Subtitle1>
        <Field label="Title" {...field('title')}>
          <Input value={definition.title} onChange={(_event, data) => update({ title: data.value })} />
        </Field>
        <Field label="Summary" {...field('summary')}>
          <Textarea value={definition.summary} onChange={(_event, data) => update({ summary: data.value })} />
        </Field>
        <div className={styles.row}>
          <Field label="Skill area" {...field('skillArea')}>
            <Select
              value={definition.skillArea}
              onChange={(_event, data) => update({ skillArea: data.value })}
            >
              <option value="">Choose…</option>
              {[...areaNames].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
              {definition.skillArea !== '' && !areaNames.has(definition.skillArea) && (
                <option value={definition.skillArea}>{definition.skillArea}</option>
              )}
            </Select>
          </Field>
          <Field label="Minutes it takes by hand" {...field('manualMinutes')}>
            <SpinButton
              value={definition.manualMinutes}
              min={1}
              max={2400}
              onChange={(_event, data) => {
                const value = data.value ?? Number(data.displayValue);
                if (Number.isFinite(value)) update({ manualMinutes: Math.round(value as number) });
              }}
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Suited for departments (comma-separated)" className={styles.grow}>
            <Input
              defaultValue={definition.departments.join(', ')}
              onBlur={(event) => update({ departments: splitList(event.target.value) })}
            />
          </Field>
          <Field label="Suited for roles (comma-separated)" className={styles.grow}>
            <Input
              defaultValue={definition.jobTitles.join(', ')}
              onBlur={(event) => update({ jobTitles: splitList(event.target.value) })}
            />
          </Field>
        </div>
      </section>

      <InputsEditor
        inputs={definition.inputs}
        samples={samples}
        problemAt={problemAt}
        onChange={(inputs) => update({ inputs })}
        onSample={(name, value) => setSamples((previous) => ({ ...previous, [name]: value }))}
      />

      <section className={styles.section} aria-labelledby="steps-edit-heading">
        <Subtitle1 as="h3" id="steps-edit-heading">
          Steps
        </Subtitle1>
        {problemAt('steps') && (
          <Body1 role="alert" className={styles.section}>
            {problemAt('steps')}
          </Body1>
        )}
        <ol className={styles.section} aria-label="Steps" style={{ listStyleType: 'none', padding: 0 }}>
          {definition.steps.map((_step, index) => (
            <StepEditor
              key={index}
              definition={definition}
              index={index}
              samples={samples}
              problemAt={problemAt}
              onChange={(changed) =>
                update({ steps: definition.steps.map((each, at) => (at === index ? changed : each)) })
              }
              onMove={(offset) => moveStep(index, offset)}
              onRemove={() => update({ steps: definition.steps.filter((_each, at) => at !== index) })}
            />
          ))}
        </ol>
        <div className={styles.actions}>
          {STEP_KINDS.map((kind) => (
            <Button key={kind} onClick={() => addStep(kind)}>
              Add {kind} step
            </Button>
          ))}
        </div>
      </section>

      <RubricEditor
        rubric={definition.rubric}
        problemAt={problemAt}
        onChange={(rubric) => update({ rubric })}
      />

      {state.problems.length > 0 && (
        <section className={styles.section} aria-labelledby="problems-heading">
          <Subtitle1 as="h3" id="problems-heading">
            To fix before publishing
          </Subtitle1>
          <ul className={styles.list} aria-labelledby="problems-heading">
            {state.problems.map((problem, index) => (
              <li key={index}>
                <Caption1>{problem.path}</Caption1>: {problem.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.notice && (
        <MessageBar intent={state.notice.intent} layout="multiline">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button disabled={state.busy} onClick={() => void draft.saveDraft()}>
          Save draft
        </Button>
        <Button disabled={state.busy} onClick={() => void draft.check()}>
          Check for problems
        </Button>
        <Button appearance="primary" disabled={state.busy} onClick={() => void draft.publish()}>
          Publish a new version
        </Button>
        {state.workflowStatus === 'published' && (
          <Button disabled={state.busy} onClick={() => void draft.retire()}>
            Retire
          </Button>
        )}
      </div>
      {workflowId !== null && state.latestVersion > 0 && <WorkflowInsights workflowId={workflowId} />}
    </div>
  );
}
