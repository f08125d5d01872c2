export * as tables from './schema.js';
export * from './client.js';
