import { describeError } from '../api/http';
import { type Persona } from '../api/types';
import { fetchPersonas, rememberedPersona, requestDevToken } from './devAuth';
import { connectToTeams, getTeamsToken } from './teamsHost';

export type SignedIn = { status: 'signed-in'; getToken: () => Promise<string> } & (
  { source: 'teams' } | { source: 'dev'; email: string; personas: Persona[]; reason: string }
);

export type AuthState =
  | { status: 'connecting' }
  | SignedIn
  | {
      status: 'choose-persona';
      personas: Persona[];
      reason: string;
      pending: string | null;
      error: string | null;
    }
  | { status: 'open-in-teams'; reason: string }
  | { status: 'error'; message: string };

/** Inside Teams the host answers quickly; the manifest's contentUrl carries `?inTeams=1`, so wait longer there. */
export function teamsTimeoutMs(search: string): number {
  return new URLSearchParams(search).has('inTeams') ? 8_000 : 1_500;
}

export async function signInAsPersona(email: string, personas: Persona[], reason: string): Promise<SignedIn> {
  const token = await requestDevToken(email);
  rememberedPersona.set(email);
  return {
    status: 'signed-in',
    source: 'dev',
    email,
    personas,
    reason,
    getToken: () => Promise.resolve(token),
  };
}

/** Teams SSO inside Teams; outside Teams the development persona picker, or a hint to open Practica in Teams. */
export async function signIn(timeoutMs: number): Promise<AuthState> {
  const host = await connectToTeams(timeoutMs);
  if (host.inTeams) {
    try {
      await getTeamsToken();
    } catch (error) {
      return { status: 'error', message: `Teams could not sign you in: ${describeError(error)}` };
    }
    return { status: 'signed-in', source: 'teams', getToken: getTeamsToken };
  }

  const personas = await fetchPersonas();
  if (personas === null) return { status: 'open-in-teams', reason: host.reason };
  const remembered = rememberedPersona.get();
  if (remembered !== null && personas.some((persona) => persona.email === remembered)) {
    try {
      return await signInAsPersona(remembered, personas, host.reason);
    } catch (error) {
      rememberedPersona.clear();
      return {
        status: 'choose-persona',
        personas,
        reason: host.reason,
        pending: null,
        error: describeError(error),
      };
    }
  }
  return { status: 'choose-persona', personas, reason: host.reason, pending: null, error: null };
}
