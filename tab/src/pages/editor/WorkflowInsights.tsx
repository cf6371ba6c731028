import {
  Body1,
  Caption1,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { parseInsights, type WorkflowInsights as Insights } from '../../api/insights';
import { useApiResource } from '../../api/useApiResource';
import { parseWorkflow } from '../../api/workflows';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import { VersionUsage } from '../workflows/VersionUsage';
import { useEditorStyles } from './EditorPage.styles';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/**
 * How the published workflow is doing, beside the draft of its next version: each version's usage and, per
 * step, how often people regenerated or heavily edited the AI's draft or said that step broke, with their notes.
 */
export function WorkflowInsights({ workflowId }: { workflowId: string }) {
  const styles = useEditorStyles();
  const insights = useApiResource(`/workflows/${workflowId}/insights`, parseInsights);
  const workflow = useApiResource(`/workflows/${workflowId}`, parseWorkflow);
  return (
    <section className={styles.section} aria-labelledby="insights-heading">
      <Subtitle1 as="h3" id="insights-heading">
        How colleagues use it
      </Subtitle1>
      {workflow.status === 'loaded' && workflow.data.versions && (
        <VersionUsage versions={workflow.data.versions} />
      )}
      {insights.status === 'loading' && <Spinner label="Loading how each step goes…" />}
      {insights.status === 'error' && (
        <ProblemMessage
          title="How each step goes could not be loaded"
          message={insights.message}
          onRetry={insights.reload}
        />
      )}
      {insights.status === 'loaded' && <StepSignals insights={insights.data} />}
    </section>
  );
}

function StepSignals({ insights }: { insights: Insights }) {
  const styles = useEditorStyles();
  const { adoption, quality, minutesSaved, period } = insights;
  return (
    <>
      <Body1>
        {formatDay(period.from)} to {formatDay(period.to)}: {adoption.sessionsStarted} sessions started,{' '}
        {adoption.sessionsCompleted} completed by {adoption.people} people
        {quality?.meanScore != null && `, rated ${quality.meanScore.toFixed(1)} of 5`}
        {minutesSaved.medianPerSession !== null && `, median ${minutesSaved.medianPerSession} min saved`}.
      </Body1>
      <Table aria-label="How each step goes" size="small">
        <TableHeader>
          <TableRow>
            {['Step', 'Completed', 'Regenerated', 'Heavily edited', 'Named in “what broke”'].map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {insights.steps.map((step) => (
            <TableRow key={step.stepId}>
              <TableCell>{step.title}</TableCell>
              <TableCell>{step.completions}</TableCell>
              <TableCell>
                {step.kind === 'generate' ? `${step.regenerations} (${percent(step.regeneratedShare)})` : '—'}
              </TableCell>
              <TableCell>
                {step.kind === 'generate'
                  ? `${step.heavilyEdited} (${percent(step.heavilyEditedShare)})`
                  : '—'}
              </TableCell>
              <TableCell>{step.whatBrokeCount}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {insights.withheld && <Caption1>{insights.withheld}</Caption1>}
      {insights.steps
        .filter((step) => step.whatBroke && step.whatBroke.length > 0)
        .map((step) => (
          <div key={step.stepId} className={styles.section}>
            <Text weight="semibold">What broke at “{step.title}”</Text>
            <ul className={styles.list} aria-label={`What broke at ${step.title}`}>
              {step.whatBroke!.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          </div>
        ))}
      {insights.whatBrokeGeneral && insights.whatBrokeGeneral.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold">What broke, not tied to a step</Text>
          <ul className={styles.list} aria-label="What broke, not tied to a step">
            {insights.whatBrokeGeneral.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
