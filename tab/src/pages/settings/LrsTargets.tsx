import { Body1, Button, Caption1, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { parseConnectionTest, parseLrsTargets, type LrsTargetRow } from '../../api/settings';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { explainError } from './explainError';
import { Notice } from '../../components/Notice';
import { LrsTargetDialog } from './LrsTargetDialog';
import { emptyTargetForm, formOf, type LrsTargetForm } from './lrsTargetForm';
import { useSettingsStyles } from './SettingsPage.styles';

type Outcome = { intent: 'success' | 'error'; text: string };

/** Where Practica sends xAPI statements: each LRS target, with add, change, remove and a connection test. */
export function LrsTargets() {
  const styles = useSettingsStyles();
  const api = useApi();
  const targets = useApiResource('/admin/lrs/targets', parseLrsTargets);
  const [editing, setEditing] = useState<{ form: LrsTargetForm; existing: boolean } | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const report = (name: string, outcome: Outcome) =>
    setOutcomes((previous) => ({ ...previous, [name]: outcome }));

  const test = async (name: string) => {
    try {
      const result = parseConnectionTest(
        await api.sendJson('POST', `/admin/lrs/targets/${encodeURIComponent(name)}/test`),
      );
      report(
        name,
        result.ok
          ? {
              intent: 'success',
              text: `Connected: the LRS answers (xAPI ${result.version ?? 'version not stated'}).`,
            }
          : { intent: 'error', text: `Not connected: ${result.message ?? JSON.stringify(result)}` },
      );
    } catch (error) {
      report(name, { intent: 'error', text: explainError(error) });
    }
  };
  const remove = async (name: string) => {
    try {
      await api.sendJson('DELETE', `/admin/lrs/targets/${encodeURIComponent(name)}`);
      targets.reload();
    } catch (error) {
      report(name, { intent: 'error', text: explainError(error) });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="lrs-heading">
      <Subtitle1 as="h2" id="lrs-heading">
        LRS targets
      </Subtitle1>
      {targets.status === 'loading' && <Spinner label="Loading the LRS targets…" />}
      {targets.status === 'error' && (
        <ProblemMessage
          title="The LRS targets could not be loaded"
          message={targets.message}
          onRetry={targets.reload}
        />
      )}
      {targets.status === 'loaded' && targets.data.targets.length === 0 && (
        <Body1>No LRS target yet: statements stay in Practica until you add one.</Body1>
      )}
      {targets.status === 'loaded' && targets.data.targets.length > 0 && (
        <ul className={styles.plainList} aria-label="LRS targets">
          {targets.data.targets.map((target) => (
            <TargetItem
              key={target.name}
              target={target}
              outcome={outcomes[target.name]}
              onTest={() => void test(target.name)}
              onEdit={() => setEditing({ form: formOf(target), existing: true })}
              onRemove={() => void remove(target.name)}
            />
          ))}
        </ul>
      )}
      <div>
        <Button onClick={() => setEditing({ form: emptyTargetForm, existing: false })}>Add LRS target</Button>
      </div>
      {editing && (
        <LrsTargetDialog
          initial={editing.form}
          editing={editing.existing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) targets.reload();
          }}
        />
      )}
    </section>
  );
}

type ItemProps = {
  target: LrsTargetRow;
  outcome: Outcome | undefined;
  onTest: () => void;
  onEdit: () => void;
  onRemove: () => void;
};

function TargetItem({ target, outcome, onTest, onEdit, onRemove }: ItemProps) {
  const styles = useSettingsStyles();
  const { auth, actor } = target.settings;
  return (
    <li className={styles.section} aria-label={`LRS target ${target.name}`}>
      <Text weight="semibold">{target.name}</Text>
      <Caption1>
        {target.endpoint} ·{' '}
        {auth.kind === 'basic' ? `Basic as ${auth.username}` : `OAuth 2.0 as ${auth.clientId}`} · people as{' '}
        {actor.kind === 'account' ? `LMS accounts at ${actor.homePage}` : 'email addresses'} ·{' '}
        {target.source === 'environment' ? 'set by IT in the environment (read-only)' : 'added here'}
        {target.paused && ' · paused'}
      </Caption1>
      {target.problem && <Caption1>Not usable: {target.problem}</Caption1>}
      <div className={styles.actions}>
        <Button size="small" onClick={onTest}>
          Test connection to {target.name}
        </Button>
        {target.editable && (
          <>
            <Button size="small" onClick={onEdit}>
              Change {target.name}
            </Button>
            <Button size="small" onClick={onRemove}>
              Remove {target.name}
            </Button>
          </>
        )}
      </div>
      {outcome && <Notice intent={outcome.intent} text={outcome.text} />}
    </li>
  );
}
