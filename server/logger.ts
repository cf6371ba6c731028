export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
import type { LogFields, Logger } from '../core';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * One JSON line per entry on stdout/stderr. Callers pass identifiers and counts only: prompts, inputs,
 * outputs and deliverables are never logged.
 */
export function createLogger(level: LogLevel, base: LogFields = {}, write = defaultWrite): Logger {
  const log = (entryLevel: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (ORDER[entryLevel] < ORDER[level]) return;
    write(
      entryLevel,
      JSON.stringify({ time: new Date().toISOString(), level: entryLevel, message, ...base, ...fields }),
    );
  };
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

function defaultWrite(level: string, line: string): void {
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export function errorFields(error: unknown): LogFields {
  if (error instanceof Error)
    return {
      error: withoutQueryParameters(error.message),
      errorName: error.name,
      stack: error.stack === undefined ? undefined : withoutQueryParameters(error.stack),
    };
  return { error: withoutQueryParameters(String(error)) };
}

/**
 * Drizzle's error for a failed query ends its message with the query's parameters: what employees typed, when
 * the database went away while their answer was being saved. Logs keep the query and drop the parameters.
 */
export function withoutQueryParameters(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/g, '\nparams: (not logged)');
}
