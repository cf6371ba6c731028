import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/http';
import { rememberedPersona } from './devAuth';
import { type AuthState, signIn, signInAsPersona, teamsTimeoutMs } from './signIn';

export type Auth = {
  state: AuthState;
  /** Development mode: sign in as one of the demo personas. */
  choosePersona: (email: string) => void;
  /** Development mode: back to the persona picker. */
  switchPersona: () => void;
  retry: () => void;
};

export function useAuth(): Auth {
  const [state, setState] = useState<AuthState>({ status: 'connecting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    void signIn(teamsTimeoutMs(window.location.search))
      .catch((error: unknown): AuthState => ({ status: 'error', message: describeError(error) }))
      .then((next) => {
        if (active) setState(next);
      });
    return () => {
      active = false;
    };
  }, [attempt]);

  const choosePersona = useCallback(
    (email: string) => {
      if (state.status !== 'choose-persona' || state.pending !== null) return;
      const picker = state;
      setState({ ...picker, pending: email, error: null });
      signInAsPersona(email, picker.personas, picker.reason)
        .then(setState)
        .catch((error: unknown) => setState({ ...picker, pending: null, error: describeError(error) }));
    },
    [state],
  );

  const switchPersona = useCallback(() => {
    if (state.status !== 'signed-in' || state.source !== 'dev') return;
    rememberedPersona.clear();
    setState({
      status: 'choose-persona',
      personas: state.personas,
      reason: state.reason,
      pending: null,
      error: null,
    });
  }, [state]);

  const retry = useCallback(() => {
    setState({ status: 'connecting' });
    setAttempt((previous) => previous + 1);
  }, []);

  return { state, choosePersona, switchPersona, retry };
}
