export { ConfigError, describeDatabase, loadConfig, type Config } from './config';
