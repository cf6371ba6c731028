import { AppError, type PagePosition } from '../../../core';

/** An opaque cursor for a list ordered newest first: the last row's time and id, base64url-encoded. */
export function encodeCursor(position: PagePosition | null): string | null {
  if (!position) return null;
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string | undefined): PagePosition | undefined {
  if (cursor === undefined) return undefined;
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(date.getTime()))
    throw new AppError('invalid_input', 'cursor must be the nextCursor of a previous page, unchanged');
  return { at: date, id };
}

/** `limit` from the query: a whole number from 1 to `max`, `fallback` when absent. */
export function pageLimit(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw new AppError('invalid_input', `limit must be a whole number from 1 to ${max}`);
  return limit;
}
