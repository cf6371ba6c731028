export * from './errors';
export * from './events';
export * from './jobs';
export * from './people';
export * from './ports';
export * from './sessions';
export * from './tenants';
export * from './workflows';
