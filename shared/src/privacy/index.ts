export * from './address-hash.js';
export * from './erase-personal-data.js';
export * from './privacy-key.js';
export * from './purge-personal-data.js';
export * from './retention-due.js';
export * from './retention-forecast.js';
export * from './retention-policy.js';
export * from './withdraw-reports.js';
