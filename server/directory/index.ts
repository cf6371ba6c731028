export { graphClient, DEFAULT_GRAPH_RETRY, type GraphClient, type GraphRetryPolicy } from './graph-client';
export { graphDirectoryReader, initialDeltaUrl } from './graph-directory-reader';
export { GraphRequestError } from './graph-errors';
export { graphTokenProvider, type GraphCredentials, type GraphTokenProvider } from './graph-token-provider';
export { directoryChangeFromGraph } from './graph-user';
export { createGraphDirectoryReader } from './create-graph-directory-reader';
