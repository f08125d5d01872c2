import { randomBytes } from 'node:crypto';
import { openDatabase } from '@convene/shared/db';
import pg from 'pg';
import { eventually } from '../factories.js';
import { migrationsHash } from './pglite-template.js';

/*
 * The PostgreSQL side of the PGlite template: every test file's database on the shared server
 * used to start empty and run every migration at start-up (~1.2 s, over a hundred times a
 * run); CREATE DATABASE … TEMPLATE copies a migrated one in a fraction of that. The template
 * is only migrated, never started (no seed, no admin), exactly what an empty database is
 * once the migrations ran, so the app's start-up still does the rest. Its name carries the
 * migrations' hash, so a changed migration never gets an old copy; it is left on the server
 * for the next run, like the PGlite template in the temporary directory.
 */

/** The template database of the current migrations (it may not exist yet). */
export function postgresTemplateName(): string {
  return `convene_template_${migrationsHash()}`;
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function exists(client: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
  return (rowCount ?? 0) > 0;
}

/**
 * Creates the template once (jest global setup). Built under another name and renamed when
 * migrated, so a run that dies half-way never leaves a half-migrated template; a concurrent
 * run (another checkout on the same server) that renames first wins and ours is dropped.
 */
export async function ensurePostgresTemplate(adminUrl: string): Promise<void> {
  const template = postgresTemplateName();
  await withAdmin(adminUrl, async (admin) => {
    if (await exists(admin, template)) return;
    const building = `convene_template_build_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${building}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 1 });
      await database.close();
      // A closed connection's backend goes away a moment later; a rename needs it gone.
      await eventually(async () => {
        const { rows } = await admin.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [building],
        );
        return rows[0]!.n === 0;
      }, 10_000);
      await admin.query(`alter database ${building} rename to ${template}`);
    } catch (err) {
      await admin.query(`drop database if exists ${building} with (force)`);
      // Another run renamed its copy first: theirs has the same migrations.
      if (!(await exists(admin, template))) throw err;
    }
  });
}

/** The CREATE DATABASE statement of a test database: a copy of the template when there is one. */
export async function createDatabaseSql(admin: pg.Client, name: string): Promise<string> {
  const template = postgresTemplateName();
  return (await exists(admin, template)) ? `create database ${name} template ${template}` : `create database ${name}`;
}
