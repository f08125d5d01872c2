import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { REPO_ROOT } from '../node/paths.js';
import * as schema from './schema.js';
import { migrateUnderLock, type OnLocked } from './start-up-lock.js';

/** The query API both drivers share: services never know which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The transaction handle passed to db.transaction callbacks. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** SELECT 1, for /readyz. */
  ping: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(REPO_ROOT, 'shared', 'drizzle');

export type DatabaseOptions = {
  /** postgres://… ; unset means embedded PGlite. */
  databaseUrl?: string;
  /** Where PGlite keeps its files (DATA_DIR/pglite). Ignored for PostgreSQL. */
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * Start-up work that must not race another process (seeding, the first admin): on
   * PostgreSQL it runs after the migrations, under the same advisory lock. PGlite is
   * single-process: it just runs after the migrations.
   */
  onLocked?: OnLocked;
};

/** Opens the database and applies pending migrations (then runs onLocked). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema });
    try {
      await migrateUnderLock(pool, MIGRATIONS_FOLDER, options.onLocked);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      close: () => pool.end(),
      ping: async () => {
        await pool.query('select 1');
      },
    };
  }
  // PGlite only when it is the database: a process on PostgreSQL never loads it.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const dir = path.join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  // pg_trgm: near-duplicate reports (migration 0008 creates the extension; PostgreSQL ships it in contrib).
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await options.onLocked?.(db as unknown as Db);
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    close: () => client.close(),
    ping: async () => {
      await client.query('select 1');
    },
  };
}
