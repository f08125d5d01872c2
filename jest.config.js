// Jest runs TypeScript as native ESM (transformed by SWC). PGlite needs
// --experimental-vm-modules, which `npm test` sets.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/{shared,server,worker}/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/'],
  // Three test files at a time, each with its own database and queue prefix. A file spends most
  // of its time waiting (on Chromium, servers, SMTP, PostgreSQL), about half a core each, so on
  // two cores a third worker cut a clean CI run from 1,373 s to 677 s (2026-12-04).
  maxWorkers: 3,
  testTimeout: 60_000,
  // Migrates one PGlite for the whole run; each test file copies it (test/support/pglite-template.ts).
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  // Longest files first (recorded durations), so both workers end together on a clean checkout.
  testSequencer: '<rootDir>/test/support/duration-sequencer.mjs',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
