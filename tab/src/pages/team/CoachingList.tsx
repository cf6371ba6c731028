import { Body1, Button, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { parseCoaching, type CoachingSuggestion } from '../../api/coaching';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useSessionTimelineStyles } from '../profile/SessionTimeline.styles';
import { useTeamPageStyles } from './TeamPage.styles';

type Props = { navigate: (path: string) => void };

/** A manager's next best step per report: a workflow to try, a deliverable to review, a lapse, a colleague. */
export function CoachingList({ navigate }: Props) {
  const styles = useTeamPageStyles();
  const list = useSessionTimelineStyles();
  const coaching = useApiResource('/team/coaching', parseCoaching);
  const actionFor = (suggestion: CoachingSuggestion) => {
    if (suggestion.kind === 'review_deliverable') return { label: 'Review', path: '/reviews' };
    if (suggestion.workflowId) return { label: 'See workflow', path: `/workflows/${suggestion.workflowId}` };
    return null;
  };
  return (
    <section className={styles.section} aria-labelledby="coaching-heading">
      <Subtitle1 as="h2" id="coaching-heading">
        Coaching suggestions
      </Subtitle1>
      {coaching.status === 'loading' && <Spinner size="small" label="Looking at your team’s activity…" />}
      {coaching.status === 'error' && (
        <ProblemMessage
          title="Suggestions could not be loaded"
          message={coaching.message}
          onRetry={coaching.reload}
        />
      )}
      {coaching.status === 'loaded' &&
        (coaching.data.reports.every((report) => report.suggestions.length === 0) ? (
          <Body1>Nothing to suggest this week: your reports are on track.</Body1>
        ) : (
          <ul className={list.list} aria-labelledby="coaching-heading">
            {coaching.data.reports.flatMap((report) =>
              report.suggestions.map((suggestion, index) => {
                const action = actionFor(suggestion);
                return (
                  <li key={`${report.person.id}-${index}`} className={list.item}>
                    <div className={list.what}>
                      <Text weight="semibold">{report.person.displayName}</Text>
                      <Body1>{suggestion.text}</Body1>
                    </div>
                    {action && <Button onClick={() => navigate(action.path)}>{action.label}</Button>}
                  </li>
                );
              }),
            )}
          </ul>
        ))}
    </section>
  );
}
