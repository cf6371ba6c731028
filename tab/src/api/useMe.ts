import { useEffect, useState } from 'react';
import { describeError, requestJson } from './http';
import { type Me, parseMe } from './types';

export type MeState =
  { status: 'loading' } | { status: 'loaded'; me: Me } | { status: 'error'; message: string };

/** Loads the signed-in person from `GET /api/v1/me` with a bearer token from `getToken`. */
export function useMe(getToken: () => Promise<string>): MeState {
  const [state, setState] = useState<MeState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getToken()
      .then((token) =>
        requestJson('/api/v1/me', {
          headers: { Authorization: `Bearer ${token}` },
          signal: controller.signal,
        }),
      )
      .then((body) => {
        const me = parseMe(body);
        if (!controller.signal.aborted) setState({ status: 'loaded', me });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: describeError(error) });
      });
    return () => controller.abort();
  }, [getToken]);

  return state;
}
