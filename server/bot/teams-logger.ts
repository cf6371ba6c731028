import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../core';
import { withoutQueryParameters } from '../logger';

/**
 * The SDK logs whole activities at debug level; those carry what employees paste. Only the first string
 * argument (the SDK's message) is kept, never the objects after it.
 */
export function teamsLogger(logger: Logger, name = 'teams-sdk'): ILogger {
  const child = logger.child({ component: name });
  const first = (msg: unknown[]) =>
    typeof msg[0] === 'string' ? withoutQueryParameters(msg[0]) : 'Teams SDK event';
  const log = (level: LogLevel, ...msg: unknown[]) => {
    if (level === 'error') child.error(first(msg));
    else if (level === 'warn') child.warn(first(msg));
    else if (level === 'info') child.info(first(msg));
    else child.debug(first(msg));
  };
  return {
    error: (...msg: unknown[]) => log('error', ...msg),
    warn: (...msg: unknown[]) => log('warn', ...msg),
    info: (...msg: unknown[]) => log('info', ...msg),
    debug: (...msg: unknown[]) => log('debug', ...msg),
    trace: (...msg: unknown[]) => log('trace', ...msg),
    log,
    child: (childName: string) => teamsLogger(logger, `${name}/${childName}`),
  };
}
