import { randomUUID } from 'node:crypto';
import type { LrsClient } from './lrs-client';
import { LrsAuthError, LrsHttpError, LrsTransportError, LrsVersionError } from './lrs-errors';

export type ConnectionTestResult =
  | { ok: true; versions: string[] }
  | {
      ok: false;
      problem: 'unreachable' | 'timeout' | 'credentials' | 'version' | 'refused';
      message: string;
    };

/**
 * "Test connection": reads /about (the xAPI versions the LRS speaks) and then asks for one statement by a
 * random id, since /about needs no credentials and the statements resource does: an answer (404 included)
 * means the credentials were accepted.
 */
export async function testLrsConnection(client: LrsClient): Promise<ConnectionTestResult> {
  try {
    const versions = await client.checkVersion();
    await client.getStatement(randomUUID());
    return { ok: true, versions };
  } catch (error) {
    return { ok: false, ...explain(error) };
  }
}

function explain(error: unknown): Omit<Extract<ConnectionTestResult, { ok: false }>, 'ok'> {
  if (error instanceof LrsVersionError) return { problem: 'version', message: error.message };
  if (error instanceof LrsAuthError || (error instanceof LrsHttpError && [401, 403].includes(error.status)))
    return {
      problem: 'credentials',
      message: `The LRS refused the credentials (${(error as LrsAuthError | LrsHttpError).status}): ${error.message}`,
    };
  if (error instanceof LrsHttpError)
    return { problem: 'refused', message: `The LRS answered ${error.status}: ${error.message}` };
  if (error instanceof LrsTransportError)
    return error.kind === 'timeout'
      ? { problem: 'timeout', message: `The LRS did not answer in time: ${error.message}` }
      : { problem: 'unreachable', message: `Could not reach the LRS: ${error.message}` };
  return { problem: 'unreachable', message: error instanceof Error ? error.message : String(error) };
}
