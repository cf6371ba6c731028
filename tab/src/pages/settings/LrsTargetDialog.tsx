import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Switch,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { explainError } from './explainError';
import { Notice } from '../../components/Notice';
import { bodyOf, type LrsTargetForm } from './lrsTargetForm';
import { useSettingsStyles } from './SettingsPage.styles';

type Props = { initial: LrsTargetForm; editing: boolean; onClose: (saved: boolean) => void };

/** Adding or changing an LRS target: where statements go, how Practica signs in, how people are named. */
export function LrsTargetDialog({ initial, editing, onClose }: Props) {
  const styles = useSettingsStyles();
  const api = useApi();
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<LrsTargetForm>) => setForm((previous) => ({ ...previous, ...change }));
  const keep = editing ? ' (blank keeps the stored one)' : '';

  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      if (editing)
        await api.sendJson('PUT', `/admin/lrs/targets/${encodeURIComponent(form.name)}`, bodyOf(form, false));
      else await api.sendJson('POST', '/admin/lrs/targets', bodyOf(form, true));
      onClose(true);
    } catch (error) {
      setProblem(explainError(error));
      setSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{editing ? `Change LRS target ${form.name}` : 'Add an LRS target'}</DialogTitle>
          <DialogContent className={styles.section}>
            <Field label="Name" hint="lower-case letters, digits and _ (e.g. lms)">
              <Input
                value={form.name}
                disabled={editing}
                onChange={(_event, data) => set({ name: data.value })}
              />
            </Field>
            <Field label="Endpoint" hint="the LRS's xAPI address, e.g. https://lrs.example.com/xapi/">
              <Input value={form.endpoint} onChange={(_event, data) => set({ endpoint: data.value })} />
            </Field>
            <Field label="Authentication">
              <RadioGroup
                layout="horizontal"
                value={form.authKind}
                onChange={(_event, data) => set({ authKind: data.value as LrsTargetForm['authKind'] })}
              >
                <Radio value="basic" label="Basic" />
                <Radio value="oauth2" label="OAuth 2.0 client credentials" />
              </RadioGroup>
            </Field>
            {form.authKind === 'basic' ? (
              <>
                <Field label="Username">
                  <Input value={form.username} onChange={(_event, data) => set({ username: data.value })} />
                </Field>
                <Field label={`Password${keep}`}>
                  <Input
                    type="password"
                    value={form.password}
                    onChange={(_event, data) => set({ password: data.value })}
                  />
                </Field>
              </>
            ) : (
              <>
                <Field label="Token URL">
                  <Input value={form.tokenUrl} onChange={(_event, data) => set({ tokenUrl: data.value })} />
                </Field>
                <Field label="Client id">
                  <Input value={form.clientId} onChange={(_event, data) => set({ clientId: data.value })} />
                </Field>
                <Field label={`Client secret${keep}`}>
                  <Input
                    type="password"
                    value={form.clientSecret}
                    onChange={(_event, data) => set({ clientSecret: data.value })}
                  />
                </Field>
                <Field label="Scope (optional)">
                  <Input value={form.scope} onChange={(_event, data) => set({ scope: data.value })} />
                </Field>
              </>
            )}
            <Field label="How people are named in statements (actor mapping)">
              <RadioGroup
                value={form.actorKind}
                onChange={(_event, data) => set({ actorKind: data.value as LrsTargetForm['actorKind'] })}
              >
                <Radio
                  value="account"
                  label="LMS account: the person's LMS identifier at the LMS's address"
                />
                <Radio value="mbox" label="Email address (mbox)" />
              </RadioGroup>
            </Field>
            {form.actorKind === 'account' && (
              <Field label="LMS address (account home page)">
                <Input value={form.homePage} onChange={(_event, data) => set({ homePage: data.value })} />
              </Field>
            )}
            <Switch
              label="Also send “failed” when a reviewer scores a deliverable below the bar"
              checked={form.sendFailed}
              onChange={(_event, data) => set({ sendFailed: data.checked })}
            />
            {problem && <Notice intent="error" text={problem} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={saving} onClick={() => void save()}>
              Save target
            </Button>
            <Button onClick={() => onClose(false)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
