export * from './paths.js';
export * from './env-common.js';
export * from './logger.js';
export * from './redis.js';
export * from './shutdown.js';
export * from './invite-token.js';
export * from './local-secret.js';
