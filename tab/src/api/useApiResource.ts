import { useCallback, useEffect, useState } from 'react';
import { useApi } from './ApiProvider';
import { describeError } from './http';

export type Resource<T> =
  { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'error'; message: string };

/**
 * GETs `path` (below /api/v1) and parses the answer; loads again when the path changes or `reload` is called.
 * A null path loads nothing (the page does not know what to ask for yet).
 */
export function useApiResource<T>(
  path: string | null,
  parse: (body: unknown) => T,
): Resource<T> & { reload: () => void } {
  const api = useApi();
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .getJson(path, controller.signal)
      .then((body) => {
        const data = parse(body);
        if (!controller.signal.aborted) setState({ status: 'loaded', data });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: describeError(error) });
      });
    return () => controller.abort();
  }, [api, path, parse, attempt]);

  const reload = useCallback(() => setAttempt((previous) => previous + 1), []);
  return { ...state, reload };
}
