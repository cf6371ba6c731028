import type { Context } from 'hono';
import { AppError } from '../../core';

/** Parses a JSON request body; anything that is not JSON is a 400 with code malformed_json. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new MalformedJsonError('The request body is empty; send a JSON document');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new MalformedJsonError('The request body is not valid JSON', error);
  }
}

export class MalformedJsonError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('invalid_input', message, { cause });
    this.name = 'MalformedJsonError';
  }
}
