import { HttpError, requestJson } from '../api/http';
import { type Persona, parsePersonas, parseToken } from '../api/types';

const REMEMBERED_PERSONA = 'practica.devPersona';

/** The demo personas, or null when the server is not in development mode (it answers 404). */
export async function fetchPersonas(): Promise<Persona[] | null> {
  try {
    return parsePersonas(await requestJson('/dev/personas'));
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

/** A locally signed development token for one demo person. */
export async function requestDevToken(email: string): Promise<string> {
  const body = await requestJson('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return parseToken(body);
}

/** The persona chosen earlier in this browser tab, so a reload does not ask again. */
export const rememberedPersona = {
  get: (): string | null => sessionStorage.getItem(REMEMBERED_PERSONA),
  set: (email: string): void => sessionStorage.setItem(REMEMBERED_PERSONA, email),
  clear: (): void => sessionStorage.removeItem(REMEMBERED_PERSONA),
};
