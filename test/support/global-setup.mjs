// Runs once before the suite: the migrated PGlite every test file copies. Plain JavaScript
// that loads the TypeScript through tsx, since jest's global setup does not map `.js` imports.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { ensurePgliteTemplate } = await tsImport('./pglite-template.ts', import.meta.url);
  await ensurePgliteTemplate();
}
