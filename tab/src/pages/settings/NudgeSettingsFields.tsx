import { Caption1, Field, Input, Subtitle1, Switch } from '@fluentui/react-components';
import { parseNudgeReach, type NudgeSettings } from '../../api/settings';
import { useApiResource } from '../../api/useApiResource';
import { useSettingsStyles } from './SettingsPage.styles';

/** What each kind of nudge is, in the words an L&D admin decides on. */
const KINDS: { kind: string; label: string }[] = [
  {
    kind: 'low_rating_follow_up',
    label: 'Follow-up after a low-rated session, with what usually fixes that step',
  },
  { kind: 'toward_l2', label: 'Practice reminder after a first or second run (toward L2)' },
  { kind: 'social_proof', label: 'Department digest of colleagues’ well-rated runs (people opt in)' },
  { kind: 'author_reuse', label: 'Telling authors when a colleague reuses their workflow' },
  { kind: 'author_summary', label: 'Weekly summary for authors' },
  { kind: 'manager_digest', label: 'Weekly digest for managers' },
  { kind: 'lapse_warning', label: 'Warning 7 days before a level would lapse' },
];

type Props = {
  nudgesEnabled: boolean;
  nudges: NudgeSettings;
  onChange: (change: { nudgesEnabled?: boolean; nudges?: NudgeSettings }) => void;
};

/** The master switch, a switch per kind of nudge, the weekly limit, working hours, and who can be reached. */
export function NudgeSettingsFields({ nudgesEnabled, nudges, onChange }: Props) {
  const styles = useSettingsStyles();
  const reach = useApiResource('/admin/nudges/reach', parseNudgeReach);
  const hours = nudges.workingHours;
  const setHours = (change: Partial<NudgeSettings['workingHours']>) =>
    onChange({ nudges: { ...nudges, workingHours: { ...hours, ...change } } });
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Subtitle1 as="h3">Nudges</Subtitle1>
      </legend>
      <Switch
        label="Nudges: Practica may message people in chat (weekly suggestions, reminders)"
        checked={nudgesEnabled}
        onChange={(_event, data) => onChange({ nudgesEnabled: data.checked })}
      />
      {KINDS.filter(({ kind }) => kind in nudges.kinds).map(({ kind, label }) => (
        <Switch
          key={kind}
          label={label}
          disabled={!nudgesEnabled}
          checked={nudges.kinds[kind] ?? true}
          onChange={(_event, data) =>
            onChange({ nudges: { ...nudges, kinds: { ...nudges.kinds, [kind]: data.checked } } })
          }
        />
      ))}
      <div className={styles.row}>
        <Field label="At most this many nudges per person in any 7 days">
          <Input
            type="number"
            value={String(nudges.weeklyLimit)}
            onChange={(_event, data) => onChange({ nudges: { ...nudges, weeklyLimit: Number(data.value) } })}
          />
        </Field>
        <Field label="Working hours start (local time, hour)">
          <Input
            type="number"
            value={String(hours.startHour)}
            onChange={(_event, data) => setHours({ startHour: Number(data.value) })}
          />
        </Field>
        <Field label="Working hours end (hour)">
          <Input
            type="number"
            value={String(hours.endHour)}
            onChange={(_event, data) => setHours({ endHour: Number(data.value) })}
          />
        </Field>
      </div>
      <Caption1>
        {reach.status === 'loaded'
          ? `The bot can write to ${reach.data.reachable} of ${reach.data.activePeople} active people. Ask IT to pre-install the app with a Teams app setup policy to reach everyone.`
          : reach.status === 'error'
            ? `How many people the bot can reach is not known: ${reach.message}`
            : 'Counting who the bot can reach…'}
      </Caption1>
    </fieldset>
  );
}
