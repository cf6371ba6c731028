import { HttpError, requestJson } from './http';

/** The Practica API as the signed-in person: every call carries a fresh bearer token from `getToken`. */
export type ApiClient = {
  getJson(path: string, signal?: AbortSignal): Promise<unknown>;
  sendJson(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** A text body such as a CSV file (`text/csv`), answered with JSON. */
  sendText(path: string, contentType: string, text: string): Promise<unknown>;
  /** A file the API serves (a deliverable as .md or .docx), for the browser to save. */
  getFile(path: string): Promise<Blob>;
};

export function createApiClient(getToken: () => Promise<string>): ApiClient {
  const authorised = async (init: RequestInit = {}): Promise<RequestInit> => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${await getToken()}`);
    return { ...init, headers };
  };
  return {
    getJson: async (path, signal) => requestJson(`/api/v1${path}`, await authorised({ signal })),
    sendJson: async (method, path, body) =>
      requestJson(
        `/api/v1${path}`,
        await authorised({
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    sendText: async (path, contentType, text) =>
      requestJson(
        `/api/v1${path}`,
        await authorised({ method: 'POST', headers: { 'Content-Type': contentType }, body: text }),
      ),
    getFile: async (path) => {
      const response = await fetch(`/api/v1${path}`, await authorised());
      if (!response.ok) throw new HttpError(response.status, null, `GET ${path} answered ${response.status}`);
      return response.blob();
    },
  };
}
