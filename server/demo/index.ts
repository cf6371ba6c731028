export * from './demo-tenant';
export * from './workflows';
export * from './playground-config';
export * from './demo-certificates';
