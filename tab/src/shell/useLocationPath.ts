import { useCallback, useEffect, useState } from 'react';

/** The browser's location path, and a way to move to another without reloading the page. */
export function useLocationPath(): { path: string; navigate: (path: string) => void } {
  const [path, setPath] = useState(window.location.pathname);

  useEffect(() => {
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((next: string) => {
    if (next === window.location.pathname) return;
    window.history.pushState(null, '', `${next}${window.location.search}`);
    setPath(next);
  }, []);

  return { path, navigate };
}
