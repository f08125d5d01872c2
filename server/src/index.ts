export { startServer, StartupError, type RunningServer, type StartOptions } from './start-server.js';
export { loadServerEnv, ZServerEnv, type ServerEnv } from './env.js';
export { createApp } from './app.js';
