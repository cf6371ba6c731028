import { Spinner } from '@fluentui/react-components';
import { parseSettings } from '../../api/settings';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { AuditLog } from './AuditLog';
import { CsvImports } from './CsvImports';
import { LrsTargets } from './LrsTargets';
import { OrganisationSettingsForm } from './OrganisationSettingsForm';
import { useSettingsStyles } from './SettingsPage.styles';

/** Settings for L&D admins: the organisation's rules, LRS targets, CSV imports and the audit log. */
export function SettingsPage() {
  const styles = useSettingsStyles();
  const settings = useApiResource('/admin/settings', parseSettings);
  return (
    <div className={styles.page}>
      {settings.status === 'loading' && <Spinner label="Loading the settings…" />}
      {settings.status === 'error' && (
        <ProblemMessage
          title="The settings could not be loaded"
          message={settings.message}
          onRetry={settings.reload}
        />
      )}
      {settings.status === 'loaded' && <OrganisationSettingsForm initial={settings.data} />}
      <LrsTargets />
      <CsvImports />
      <AuditLog />
    </div>
  );
}
