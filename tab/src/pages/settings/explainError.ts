import { describeError, HttpError } from '../../api/http';

/**
 * The server's refusal as the admin should read it: its stable code first, then each listed problem with its
 * own code (a `conflict` lists `skill_area_in_use` per workflow, say).
 */
export function explainError(error: unknown): string {
  if (!(error instanceof HttpError) || error.code === null) return describeError(error);
  const details = error.details.map(
    (detail) => `${detail.code ?? detail.path ?? 'problem'}: ${detail.message}`,
  );
  return [`${error.code}: ${error.message}`, ...details].join('\n');
}
