import { app, authentication } from '@microsoft/teams-js';
import { describeError } from '../api/http';

export type TeamsHost = { inTeams: true } | { inTeams: false; reason: string };

/**
 * Connects to the Teams host. Outside Teams `app.initialize()` rejects ("No Parent window found") or, in a
 * foreign frame, never settles; both count as "not in Teams" after `timeoutMs`.
 */
export async function connectToTeams(timeoutMs: number): Promise<TeamsHost> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<TeamsHost>((resolve) => {
    timer = setTimeout(
      () => resolve({ inTeams: false, reason: `no answer from Teams in ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const initialize = app.initialize().then(
    (): TeamsHost => ({ inTeams: true }),
    (error: unknown): TeamsHost => ({ inTeams: false, reason: describeError(error) }),
  );
  try {
    return await Promise.race([initialize, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Teams SSO: an Entra ID access token for Practica's app registration (Teams caches and refreshes it). */
export function getTeamsToken(): Promise<string> {
  return authentication.getAuthToken();
}
