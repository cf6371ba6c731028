import { Button, Field, Input, Radio, RadioGroup, Select, Subtitle1 } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { type ManagerVisibility, type OrganisationSettings, parseSettings } from '../../api/settings';
import { explainError } from './explainError';
import { Notice } from '../../components/Notice';
import { NudgeSettingsFields } from './NudgeSettingsFields';
import { useSettingsStyles } from './SettingsPage.styles';

const VISIBILITY: Record<ManagerVisibility, string> = {
  'levels-only':
    'Levels only: managers see each report’s level per skill area and evidence counts, nothing more.',
  shared: 'Shared (default): also the deliverables a report chose to share with them for review.',
  full: 'Full: also the titles, dates and ratings of a report’s sessions; never their inputs or outputs.',
};

const THRESHOLDS: { key: keyof Omit<OrganisationSettings['levelThresholds'], 'timeZone'>; label: string }[] =
  [
    { key: 'practiceRuns', label: 'L2: completed runs needed' },
    { key: 'practiceDistinctWeeks', label: 'L2: in at least this many weeks' },
    { key: 'practiceWindowDays', label: 'L2: within this many days' },
    { key: 'qualityBar', label: 'Quality bar (score 1–5)' },
    { key: 'multiplierColleagues', label: 'L3: colleagues their workflow brought to L2' },
    { key: 'lapseDays', label: 'Level lapses after this many days' },
  ];

type Props = { initial: { displayName: string; settings: OrganisationSettings } };

/** Skill areas, certificate patterns, level thresholds, manager visibility, nudges and retention. */
export function OrganisationSettingsForm({ initial }: Props) {
  const styles = useSettingsStyles();
  const api = useApi();
  const [settings, setSettings] = useState(initial.settings);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const update = (change: Partial<OrganisationSettings>) =>
    setSettings((previous) => ({ ...previous, ...change }));
  const threshold = (key: keyof OrganisationSettings['levelThresholds'], value: string | number) =>
    update({ levelThresholds: { ...settings.levelThresholds, [key]: value } });

  const save = async () => {
    setSaving(true);
    setNotice(null);
    try {
      const saved = parseSettings(await api.sendJson('PATCH', '/admin/settings', settings));
      setSettings(saved.settings);
      setNotice({ intent: 'success', text: 'Settings saved.' });
    } catch (error) {
      setNotice({ intent: 'error', text: explainError(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="organisation-settings-heading">
      <Subtitle1 as="h2" id="organisation-settings-heading">
        {initial.displayName}: settings
      </Subtitle1>

      <Subtitle1 as="h3">Skill areas</Subtitle1>
      <ul className={styles.plainList} aria-label="Skill areas">
        {settings.skillAreas.map((area, index) => (
          <li key={index} className={styles.row}>
            <Field label={`Skill area ${index + 1} id`}>
              <Input
                value={area.id}
                onChange={(_event, data) =>
                  update({
                    skillAreas: settings.skillAreas.map((each, at) =>
                      at === index ? { ...each, id: data.value } : each,
                    ),
                  })
                }
              />
            </Field>
            <Field label={`Skill area ${index + 1} name`} className={styles.grow}>
              <Input
                value={area.name}
                onChange={(_event, data) =>
                  update({
                    skillAreas: settings.skillAreas.map((each, at) =>
                      at === index ? { ...each, name: data.value } : each,
                    ),
                  })
                }
              />
            </Field>
            <Button
              onClick={() => update({ skillAreas: settings.skillAreas.filter((_each, at) => at !== index) })}
            >
              Remove {area.name || `skill area ${index + 1}`}
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button onClick={() => update({ skillAreas: [...settings.skillAreas, { id: '', name: '' }] })}>
          Add skill area
        </Button>
      </div>

      <Subtitle1 as="h3">Certificates: activity ids that count for a skill area</Subtitle1>
      <ul className={styles.plainList} aria-label="Certificate patterns">
        {settings.certificateSkillAreaPatterns.map((pattern, index) => {
          const set = (change: Partial<typeof pattern>) =>
            update({
              certificateSkillAreaPatterns: settings.certificateSkillAreaPatterns.map((each, at) =>
                at === index ? { ...each, ...change } : each,
              ),
            });
          return (
            <li key={index} className={styles.row}>
              <Field label={`Pattern ${index + 1} (activity id, * matches anything)`} className={styles.grow}>
                <Input value={pattern.pattern} onChange={(_event, data) => set({ pattern: data.value })} />
              </Field>
              <Field label={`Pattern ${index + 1} skill area`}>
                <Select value={pattern.skillArea} onChange={(_event, data) => set({ skillArea: data.value })}>
                  {settings.skillAreas.map((area) => (
                    <option key={area.id} value={area.id}>
                      {area.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                onClick={() =>
                  update({
                    certificateSkillAreaPatterns: settings.certificateSkillAreaPatterns.filter(
                      (_each, at) => at !== index,
                    ),
                  })
                }
              >
                Remove pattern {index + 1}
              </Button>
            </li>
          );
        })}
      </ul>
      <div>
        <Button
          onClick={() =>
            update({
              certificateSkillAreaPatterns: [
                ...settings.certificateSkillAreaPatterns,
                { pattern: '', skillArea: settings.skillAreas[0]?.id ?? '' },
              ],
            })
          }
        >
          Add pattern
        </Button>
      </div>

      <Subtitle1 as="h3">Level thresholds</Subtitle1>
      <div className={styles.row}>
        {THRESHOLDS.map(({ key, label }) => (
          <Field key={key} label={label}>
            <Input
              type="number"
              value={String(settings.levelThresholds[key])}
              onChange={(_event, data) => threshold(key, Number(data.value))}
            />
          </Field>
        ))}
        <Field label="Time zone for weeks">
          <Input
            value={settings.levelThresholds.timeZone}
            onChange={(_event, data) => threshold('timeZone', data.value)}
          />
        </Field>
      </div>

      <Field label="What managers see of their reports">
        <RadioGroup
          value={settings.managerVisibility}
          onChange={(_event, data) => update({ managerVisibility: data.value as ManagerVisibility })}
        >
          {(Object.keys(VISIBILITY) as ManagerVisibility[]).map((value) => (
            <Radio key={value} value={value} label={VISIBILITY[value]} />
          ))}
        </RadioGroup>
      </Field>
      <NudgeSettingsFields
        nudgesEnabled={settings.nudgesEnabled}
        nudges={settings.nudges}
        onChange={update}
      />
      <Field label="Keep session inputs and outputs for this many days">
        <Input
          type="number"
          value={String(settings.retentionDays)}
          onChange={(_event, data) => update({ retentionDays: Number(data.value) })}
        />
      </Field>
      {notice && <Notice intent={notice.intent} text={notice.text} />}
      <div>
        <Button appearance="primary" disabled={saving} onClick={() => void save()}>
          Save settings
        </Button>
      </div>
    </section>
  );
}
