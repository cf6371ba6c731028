import { Badge, Body1, Button, Caption1, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { useApiResource } from '../../api/useApiResource';
import { parseWorkflow, type WorkflowDetail } from '../../api/workflows';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import { describeUsage } from '../../format/socialProof';
import { useProfilePageStyles } from '../profile/ProfilePage.styles';
import { StartInChat } from './StartInChat';
import { VersionUsage } from './VersionUsage';

const STEP_KINDS: Record<string, string> = {
  input: 'You provide',
  generate: 'AI drafts',
  verify: 'You check',
  deliverable: 'Deliverable',
};

type Props = {
  workflowId: string;
  areaNames: Map<string, string>;
  onBack: () => void;
  /** Opens the editor; offered when the API says I may manage this workflow. */
  onEdit?: () => void;
};

/** One workflow: its steps, what it asks for, how it is judged, and (for its author) each version's usage. */
export function WorkflowDetailView({ workflowId, areaNames, onBack, onEdit }: Props) {
  const styles = useProfilePageStyles();
  const workflow = useApiResource(`/workflows/${workflowId}`, parseWorkflow);
  if (workflow.status === 'loading') return <Spinner label="Loading the workflow…" />;
  if (workflow.status === 'error')
    return (
      <ProblemMessage title="This workflow could not be loaded" message={workflow.message} onRetry={onBack} />
    );

  const { data } = workflow;
  return (
    <div className={styles.page}>
      <div>
        <Button appearance="subtle" onClick={onBack}>
          ← Workflows
        </Button>
        {data.canManage && onEdit && <Button onClick={onEdit}>Edit</Button>}
      </div>
      <section className={styles.section} aria-labelledby="workflow-heading">
        <Subtitle1 as="h2" id="workflow-heading">
          {data.title}
        </Subtitle1>
        <Caption1>
          by {data.mine ? 'you' : data.author.name} · {areaNames.get(data.skillArea) ?? data.skillArea}
          {data.status !== 'published' && ` · ${data.status}`}
        </Caption1>
        <Body1>{data.summary}</Body1>
        <Caption1>{describeUsage(data.usage)}</Caption1>
        {data.status === 'published' && (
          <>
            <StartInChat workflowId={data.id} />
            <Body1>Or, in your chat with Practica, say “find {data.title}”.</Body1>
          </>
        )}
      </section>
      {data.version && <VersionContent version={data.version} />}
      {data.versions && <VersionUsage versions={data.versions} />}
    </div>
  );
}

function VersionContent({ version }: { version: NonNullable<WorkflowDetail['version']> }) {
  const styles = useProfilePageStyles();
  return (
    <>
      <section className={styles.section} aria-labelledby="steps-heading">
        <Subtitle1 as="h3" id="steps-heading">
          Steps (version {version.versionNumber}, published {formatDay(version.publishedAt)})
        </Subtitle1>
        <ol aria-labelledby="steps-heading">
          {version.steps.map((step) => (
            <li key={step.id}>
              <Badge appearance="outline">{STEP_KINDS[step.kind] ?? step.kind}</Badge>{' '}
              <Text>{step.title}</Text>
            </li>
          ))}
        </ol>
        <Body1>
          You bring: {version.inputs.map((input) => input.label).join(', ')}. By hand it takes about{' '}
          {version.manualMinutes} minutes.
        </Body1>
      </section>
      <section className={styles.section} aria-labelledby="rubric-heading">
        <Subtitle1 as="h3" id="rubric-heading">
          How a good result is judged
        </Subtitle1>
        <ul aria-labelledby="rubric-heading">
          {version.rubric.map((criterion) => (
            <li key={criterion.id}>
              <Text weight="semibold">{criterion.criterion}</Text>: {criterion.description}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
