export * from './identity-envelope.js';
export * from './reporter-key-pair.js';
