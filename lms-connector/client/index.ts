export {
  createLrsClient,
  type LrsClient,
  type LrsClientOptions,
  type StatementPage,
  type StatementQuery,
  type XapiStatement,
} from './lrs-client';
export { createFetchAdapter, XAPI_VERSION } from './fetch-adapter';
export { createAuthorizer, basicAuthorization, type LrsAuthorizer } from './lrs-authorizer';
export { LrsAuthError, LrsHttpError, LrsTransportError, LrsVersionError } from './lrs-errors';
export { parseRetryAfter } from './retry-after';
export { testLrsConnection, type ConnectionTestResult } from './test-connection';
