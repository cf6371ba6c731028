import { FluentProvider, Spinner, teamsLightTheme } from '@fluentui/react-components';
import { useAppStyles } from './App.styles';
import { type Auth, useAuth } from './auth/useAuth';
import { OpenInTeams } from './components/OpenInTeams';
import { PersonaPicker } from './components/PersonaPicker';
import { ProblemMessage } from './components/ProblemMessage';
import { ProfileCard } from './components/ProfileCard';

function Content({ auth }: { auth: Auth }) {
  const { state } = auth;
  switch (state.status) {
    case 'connecting':
      return <Spinner label="Connecting to Practica…" />;
    case 'signed-in':
      return (
        <ProfileCard
          getToken={state.getToken}
          onSwitchPersona={state.source === 'dev' ? auth.switchPersona : undefined}
        />
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
  return (
    <FluentProvider theme={teamsLightTheme} className={styles.provider}>
      <main className={styles.main}>
        <Content auth={auth} />
      </main>
    </FluentProvider>
  );
}
