import { Badge, Body1, Button, Caption1, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import { parseMyWorkflows } from '../../api/authoring';
import { parseProfile } from '../../api/profile';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import type { PageProps } from '../../shell/pages';
import { useEditorStyles } from './EditorPage.styles';
import { WorkflowEditor } from './WorkflowEditor';

/** The paths this page answers besides its own (`/authoring`): a new workflow and editing one. */
export const EDITOR_PATH = /^\/workflows\/(new|[0-9a-f-]{36}\/edit)$/i;

/** Authoring: my workflows in every state, and the editor for a new or existing one. */
export function EditorPage({ path, navigate }: PageProps) {
  const profile = useApiResource('/me/profile', parseProfile);
  const areaNames = useMemo(
    () =>
      new Map(
        profile.status === 'loaded'
          ? profile.data.levels.map((level) => [level.skillArea, level.skillAreaName])
          : [],
      ),
    [profile],
  );
  const target = EDITOR_PATH.exec(path)?.[1];
  if (target === undefined) return <MyWorkflows navigate={navigate} />;
  if (profile.status === 'loading') return <Spinner label="Loading the skill areas…" />;
  const workflowId = target === 'new' ? null : target.replace(/\/edit$/, '');
  return <WorkflowEditor workflowId={workflowId} areaNames={areaNames} navigate={navigate} />;
}

function MyWorkflows({ navigate }: { navigate: (path: string) => void }) {
  const styles = useEditorStyles();
  const mine = useApiResource('/me/workflows', parseMyWorkflows);
  return (
    <div className={styles.page}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => navigate('/workflows/new')}>
          New workflow
        </Button>
      </div>
      <section className={styles.section} aria-labelledby="mine-heading">
        <Subtitle1 as="h2" id="mine-heading">
          Workflows you wrote
        </Subtitle1>
        {mine.status === 'loading' && <Spinner label="Loading your workflows…" />}
        {mine.status === 'error' && (
          <ProblemMessage
            title="Your workflows could not be loaded"
            message={mine.message}
            onRetry={mine.reload}
          />
        )}
        {mine.status === 'loaded' && mine.data.workflows.length === 0 && (
          <Body1>You have not written a workflow yet. Start one with “New workflow”.</Body1>
        )}
        {mine.status === 'loaded' && mine.data.workflows.length > 0 && (
          <ul
            className={styles.section}
            aria-label="My workflows"
            style={{ listStyleType: 'none', padding: 0 }}
          >
            {mine.data.workflows.map((workflow) => (
              <li key={workflow.id} className={styles.card}>
                <Text weight="semibold">{workflow.title || 'Untitled workflow'}</Text>
                <Caption1>
                  <Badge appearance="outline">{workflow.status}</Badge>{' '}
                  {workflow.latestVersionNumber > 0
                    ? `version ${workflow.latestVersionNumber}`
                    : 'never published'}
                  {workflow.hasDraft && ' · a draft waits'} · changed {formatDay(workflow.updatedAt)}
                </Caption1>
                <div className={styles.actions}>
                  <Button size="small" onClick={() => navigate(`/workflows/${workflow.id}/edit`)}>
                    Edit {workflow.title || 'untitled workflow'}
                  </Button>
                  {workflow.latestVersionNumber > 0 && (
                    <Button
                      size="small"
                      appearance="subtle"
                      onClick={() => navigate(`/workflows/${workflow.id}`)}
                    >
                      Usage
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
