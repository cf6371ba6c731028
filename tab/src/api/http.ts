/** One problem an error body lists in `details` (e.g. `{ path: 'skillAreas', code: 'skill_area_in_use' }`). */
export type ErrorDetail = { path?: string; code?: string; message: string };

/** A non-2xx answer from the Practica service; `code`, the message and details come from its body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

async function toHttpError(response: Response, what: string): Promise<HttpError> {
  const fallback = `${what} answered ${response.status}`;
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null) {
      const { code, message, details } = body as { code?: unknown; message?: unknown; details?: unknown };
      return new HttpError(
        response.status,
        typeof code === 'string' ? code : null,
        typeof message === 'string' ? `${message} (${response.status})` : fallback,
        Array.isArray(details) ? details.filter(isDetail) : [],
      );
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status alone describes it.
  }
  return new HttpError(response.status, null, fallback);
}

function isDetail(value: unknown): value is ErrorDetail {
  return typeof value === 'object' && value !== null && typeof (value as ErrorDetail).message === 'string';
}

/** Fetches JSON from the Practica service (same origin), throwing HttpError on a non-2xx status. */
export async function requestJson(path: string, init: RequestInit = {}): Promise<unknown> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) throw await toHttpError(response, `${init.method ?? 'GET'} ${path}`);
  if (response.status === 204) return null;
  const body: unknown = await response.json();
  return body;
}

/** A short, human-readable reason for a failure (an Error, a teams-js SdkError `{ errorCode, message }`, …). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    const { message, errorCode } = error as { message?: unknown; errorCode?: unknown };
    if (typeof message === 'string' && message !== '') return message;
    if (typeof errorCode === 'number' || typeof errorCode === 'string') return `error code ${errorCode}`;
  }
  return String(error);
}
