import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isAppError, type AppErrorCode, type AppErrorDetail } from '../../core';

/** Every error answer has this shape and a stable `code`. */
export type ErrorBody = { code: string; message: string; details?: AppErrorDetail[] };

const STATUS_BY_CODE: Record<AppErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  invalid_workflow_definition: 422,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  tenant_not_allowed: 403,
  conflict: 409,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: AppErrorDetail[],
) {
  const body: ErrorBody = details && details.length > 0 ? { code, message, details } : { code, message };
  return c.json(body, status);
}

export function appErrorResponse(c: Context, error: unknown) {
  if (isAppError(error)) {
    const response = errorResponse(c, STATUS_BY_CODE[error.code], error.code, error.message, [
      ...error.details,
    ]);
    if (error.code === 'unauthenticated') response.headers.set('WWW-Authenticate', 'Bearer');
    return response;
  }
  return errorResponse(c, 500, 'internal', 'Something went wrong on our side; it has been logged.');
}
