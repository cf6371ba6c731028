export { createHttpApp, type HttpAppOptions } from './create-http-app';
export type { Readiness } from './routes/health-routes';
