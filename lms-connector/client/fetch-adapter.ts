import type { LrsAuthorizer } from './lrs-authorizer';
import { LrsHttpError, LrsTransportError } from './lrs-errors';
import { parseRetryAfter } from './retry-after';

export const XAPI_VERSION = '1.0.3';

/** The adapter contract of @xapi/xapi 3 (its types are not exported from the package root). */
export type XapiAdapterRequest = {
  url: string;
  method: string;
  headers?: Record<string, unknown>;
  data?: unknown;
};
export type XapiAdapterResponse<T> = { data: T; headers: Record<string, string>; status: number };
export type XapiAdapter = <T = unknown>(params: XapiAdapterRequest) => Promise<XapiAdapterResponse<T>>;

export type FetchAdapterOptions = {
  authorizer: LrsAuthorizer;
  /** Whole-request budget: connecting, sending and reading the answer. */
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => Date;
};

/**
 * The adapter @xapi/xapi sends every request through. Unlike its built-in ones it keeps the HTTP status
 * (as LrsHttpError for non-2xx), gives up after `timeoutMs`, reads Retry-After, sends multipart bodies
 * (statements with attachments) as the Blob the library built, and takes the Authorization header from
 * the authorizer on each request (an OAuth token changes; a refused one is renewed once).
 */
export function createFetchAdapter(options: FetchAdapterOptions): XapiAdapter {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());

  async function attempt(params: XapiAdapterRequest): Promise<Response> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(params.headers ?? {})) {
      if (value !== undefined && value !== null) headers[name] = String(value);
    }
    headers['Authorization'] = await options.authorizer.header();
    headers['X-Experience-API-Version'] = XAPI_VERSION;
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await fetchImpl(params.url, {
        method: params.method,
        headers,
        body: encodeBody(params.data),
        signal,
      });
      // Read the body under the same deadline: a response that stalls half-way is a timeout too.
      const body = await response.arrayBuffer();
      return new Response(body.byteLength === 0 ? null : body, {
        status: response.status,
        headers: response.headers,
      });
    } catch (error) {
      if (error instanceof LrsHttpError) throw error;
      const timedOut = signal.aborted || errorName(error) === 'TimeoutError';
      throw new LrsTransportError(
        timedOut ? 'timeout' : 'network',
        timedOut
          ? `no answer from the LRS within ${options.timeoutMs} ms`
          : `could not reach the LRS: ${describeCause(error)}`,
        { cause: error },
      );
    }
  }

  const adapter = async (params: XapiAdapterRequest): Promise<XapiAdapterResponse<unknown>> => {
    let response = await attempt(params);
    if (response.status === 401 && options.authorizer.invalidate()) response = await attempt(params);
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) {
      throw new LrsHttpError(
        response.status,
        lrsMessage(text) ?? `the LRS answered ${response.status}`,
        parseRetryAfter(response.headers.get('retry-after'), now()),
      );
    }
    let data: unknown = text;
    if (text && (response.headers.get('content-type') ?? '').includes('json')) data = JSON.parse(text);
    return { data, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  };
  return adapter as XapiAdapter;
}

function encodeBody(data: unknown): RequestInit['body'] {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || data instanceof Blob || data instanceof ArrayBuffer) return data;
  if (data instanceof Uint8Array) return data;
  return JSON.stringify(data);
}

function errorName(error: unknown): unknown {
  // A DOMException from another realm (jest's sandbox) is not `instanceof Error`.
  return typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error && 'code' in cause) return `${error.message} (${String(cause.code)})`;
  return error.message;
}

/** The explanation in an LRS error body: `message` (most LRSs), or `warnings` (Learning Locker's validator). */
function lrsMessage(text: string): string | null {
  if (!text) return null;
  try {
    const json = JSON.parse(text) as { message?: unknown; warnings?: unknown };
    if (typeof json.message === 'string') return json.message;
    if (Array.isArray(json.warnings)) return json.warnings.map(String).join('; ');
  } catch {
    // not JSON: the text itself is the message
  }
  return text.slice(0, 1000);
}
