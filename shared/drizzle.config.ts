import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration after a change to src/db/schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './shared/src/db/schema.ts',
  out: './shared/drizzle',
});
