export { type Config, ConfigError, loadConfig } from './config.js';
export { type GatewayOptions, type RunningGateway, startGateway } from './server.js';
