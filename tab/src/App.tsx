import { FluentProvider, Spinner } from '@fluentui/react-components';
import { ApiProvider } from './api/ApiProvider';
import { useAppStyles } from './App.styles';
import { type Auth, useAuth } from './auth/useAuth';
import { OpenInTeams } from './components/OpenInTeams';
import { PersonaPicker } from './components/PersonaPicker';
import { ProblemMessage } from './components/ProblemMessage';
import { AppShell } from './shell/AppShell';
import { useHostTheme } from './theme/useHostTheme';

function Content({ auth }: { auth: Auth }) {
  const { state } = auth;
  switch (state.status) {
    case 'connecting':
      return <Spinner label="Connecting to Practica…" />;
    case 'signed-in':
      return (
        <ApiProvider getToken={state.getToken}>
          <AppShell
            getToken={state.getToken}
            onSwitchPersona={state.source === 'dev' ? auth.switchPersona : undefined}
          />
        </ApiProvider>
      );
    case 'choose-persona':
      return (
        <PersonaPicker
          personas={state.personas}
          pending={state.pending}
          error={state.error}
          onChoose={auth.choosePersona}
        />
      );
    case 'open-in-teams':
      return <OpenInTeams reason={state.reason} />;
    case 'error':
      return (
        <ProblemMessage title="Practica could not sign you in" message={state.message} onRetry={auth.retry} />
      );
  }
}

export function App() {
  const styles = useAppStyles();
  const auth = useAuth();
  const theme = useHostTheme(auth.state.status === 'signed-in' && auth.state.source === 'teams');
  return (
    // Fluent copies the provider's className onto every portal (tooltips, dialogs, chart callouts), so the
    // page background lives on a div of its own rather than on the provider.
    <FluentProvider theme={theme}>
      <div className={styles.page}>
        <main className={styles.main}>
          <Content auth={auth} />
        </main>
      </div>
    </FluentProvider>
  );
}
