import { describeError, HttpError } from '../../api/http';

/** The server's refusal as the admin should read it: its stable code first (e.g. skill_area_in_use). */
export function explainError(error: unknown): string {
  if (error instanceof HttpError && error.code !== null) return `${error.code}: ${error.message}`;
  return describeError(error);
}
