import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type ApiClient, createApiClient } from './client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({
  getToken,
  children,
}: {
  getToken: () => Promise<string>;
  children: ReactNode;
}) {
  const client = useMemo(() => createApiClient(getToken), [getToken]);
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error('useApi needs an ApiProvider above it');
  return client;
}
