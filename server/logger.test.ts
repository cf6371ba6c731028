import { DrizzleQueryError } from 'drizzle-orm/errors';
import { errorFields } from './logger';

describe('errorFields', () => {
  it('keeps a failed query but not its parameters, which hold what people typed, in message and stack', () => {
    const typed = 'CONFIDENTIAL Q3 headcount plan\nfor the Leeds office';
    const error = new DrizzleQueryError(
      'update "sessions" set "steps" = $1 where "id" = $2',
      [JSON.stringify({ inputs: typed }), 'a7e9fe09-7739-49e3-9f14-cabc4bc5fb9c'],
      new Error('Connection terminated unexpectedly'),
    );
    const fields = errorFields(error);
    expect(fields.error).toBe(
      'Failed query: update "sessions" set "steps" = $1 where "id" = $2\nparams: (not logged)',
    );
    expect(String(fields.stack)).toContain('params: (not logged)\n    at ');
    expect(JSON.stringify(fields)).not.toMatch(/CONFIDENTIAL|Leeds|a7e9fe09/);
  });

  it('leaves other errors as they are', () => {
    expect(errorFields(new Error('connect ECONNREFUSED 127.0.0.1:5432')).error).toBe(
      'connect ECONNREFUSED 127.0.0.1:5432',
    );
  });
});
