import { Button, Persona, Spinner, Tab, TabList } from '@fluentui/react-components';
import { Suspense } from 'react';
import { useMe } from '../api/useMe';
import { ProblemMessage } from '../components/ProblemMessage';
import { useAppShellStyles } from './AppShell.styles';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PAGES, pageFor } from './pages';
import { useLocationPath } from './useLocationPath';

type Props = {
  getToken: () => Promise<string>;
  /** Set in development mode only. */
  onSwitchPersona?: (() => void) | undefined;
};

/** The signed-in frame: who I am, the pages my roles open, and the current page. */
export function AppShell({ getToken, onSwitchPersona }: Props) {
  const styles = useAppShellStyles();
  const state = useMe(getToken);
  const { path, navigate } = useLocationPath();
  if (state.status === 'loading') return <Spinner label="Loading Practica…" />;
  if (state.status === 'error')
    return <ProblemMessage title="Practica could not load who you are" message={state.message} />;

  const { me } = state;
  const visible = PAGES.filter((page) => page.visibleTo(me.roles));
  const current = pageFor(path, me.roles);
  const details = [me.jobTitle, me.department].filter((part) => part !== null && part !== '').join(', ');
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Persona name={me.displayName} secondaryText={details} avatar={{ color: 'colorful' }} size="large" />
        {onSwitchPersona && (
          <Button appearance="subtle" onClick={onSwitchPersona}>
            Switch person
          </Button>
        )}
      </header>
      <nav aria-label="Practica pages" className={styles.navigation}>
        <TabList
          selectedValue={current?.path ?? ''}
          onTabSelect={(_event, data) => navigate(String(data.value))}
        >
          {visible.map((page) => (
            <Tab key={page.path} value={page.path}>
              {page.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      {current && (
        <PageErrorBoundary key={current.path}>
          <Suspense fallback={<Spinner label={`Opening ${current.label}…`} />}>
            <current.Page me={me} path={path} navigate={navigate} />
          </Suspense>
        </PageErrorBoundary>
      )}
    </div>
  );
}
