import type { z } from 'zod';
import { AppError } from '../../core';

/** Checks a parsed JSON body against its schema; the first problem becomes a 400 `invalid_input` naming the field. */
export function parseRequestBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys')
    throw new AppError('invalid_input', `Unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`);
  if (!issue || issue.path.length === 0)
    throw new AppError('invalid_input', 'The request body must be a JSON object');
  const path = issue.path.join('.');
  throw new AppError('invalid_input', `${path}: ${issue.message}`, {
    details: [{ path, message: issue.message }],
  });
}
