// Runs once before the suite: the migrated PGlite every test file copies, and with
// TEST_DATABASE_URL the migrated PostgreSQL database every test database is created from. Plain JavaScript
// that loads the TypeScript through tsx, since jest's global setup does not map `.js` imports.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { ensurePgliteTemplate } = await tsImport('./pglite-template.ts', import.meta.url);
  const { ensurePostgresTemplate } = await tsImport('./postgres-template.ts', import.meta.url);
  await Promise.all([
    ensurePgliteTemplate(),
    process.env.TEST_DATABASE_URL ? ensurePostgresTemplate(process.env.TEST_DATABASE_URL) : undefined,
  ]);
}
