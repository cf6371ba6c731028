import type { z } from 'zod';
import { AppError } from '../../../core';

/**
 * Parses a request body with a zod schema; refusals are 400 `invalid_input` naming the field, with every
 * problem in `details`.
 */
export function parseRequestBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    code: issue.code === 'unrecognized_keys' ? 'unknown_field' : issue.code,
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`
        : issue.message,
  }));
  const first = details[0]!;
  const where = first.path === '(body)' ? '' : `${first.path}: `;
  throw new AppError('invalid_input', `${where}${first.message}`, { details });
}
