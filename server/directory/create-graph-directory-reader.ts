import type { DirectoryReader, Logger } from '../../core';
import type { DirectoryConfig } from '../config';
import { graphClient, type GraphRetryPolicy } from './graph-client';
import { graphDirectoryReader } from './graph-directory-reader';
import { graphTokenProvider } from './graph-token-provider';

/** The configured tenant's Graph users delta, with an app-only token from the configured registration. */
export function createGraphDirectoryReader(
  config: DirectoryConfig,
  options: {
    logger: Logger;
    retry?: GraphRetryPolicy;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  },
): DirectoryReader {
  const tokens = graphTokenProvider({
    tenantId: config.tenantId,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorityUrl: config.authorityUrl,
    graphBaseUrl: config.graphBaseUrl,
  });
  return graphDirectoryReader({
    client: graphClient({
      graphBaseUrl: config.graphBaseUrl,
      tokens,
      retry: options.retry,
      sleep: options.sleep,
    }),
    graphBaseUrl: config.graphBaseUrl,
    lmsAttribute: config.lmsIdentifierAttribute,
    logger: options.logger,
  });
}
