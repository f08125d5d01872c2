import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyPgliteTemplate } from './pglite-template.js';
import { createDatabaseSql } from './postgres-template.js';

/** The databases the suite runs against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type DbKind = 'pglite' | 'postgres';

export function databaseKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Where a test's database lives, and how to throw it away. */
export type TestDatabaseTarget = {
  kind: DbKind;
  /** Set for PostgreSQL: a database created for this test file alone. */
  databaseUrl?: string;
  /** A fresh temporary DATA_DIR (PGlite files, outbox .eml files). */
  dataDir: string;
  drop: () => Promise<void>;
};

/**
 * A fresh database of the given kind: its own PostgreSQL database or its own PGlite dir — a
 * copy of the suite's migrated template of that kind when the global setup made one, empty
 * otherwise.
 */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabaseTarget> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'convene-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'pglite') {
    copyPgliteTemplate(dataDir);
    return { kind, dataDir, drop: async () => removeDir() };
  }

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `convene_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(await createDatabaseSql(admin, name));
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      removeDir();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
