/** Stable error codes; adapters map them to HTTP statuses or bot replies in one place each. */
export type AppErrorCode =
  | 'invalid_input'
  | 'invalid_workflow_definition'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'tenant_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal';

/** One problem with a request or document: where (`path`), a stable `code` when callers may act on it, and words. */
export type AppErrorDetail = { path: string; message: string; code?: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: readonly AppErrorDetail[];

  constructor(
    code: AppErrorCode,
    message: string,
    options: { cause?: unknown; details?: AppErrorDetail[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? [];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
