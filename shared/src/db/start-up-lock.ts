import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import type { Db } from './client.js';
import * as schema from './schema.js';

/**
 * The key of the session advisory lock every Convene process takes around migrate + seed
 * (any fixed bigint, app-wide). drizzle's migrate() creates its schema and table and reads
 * the last applied row outside any transaction, so two processes starting together on an
 * empty database fail with duplicate CREATEs (drizzle-team/drizzle-orm#874).
 */
export const START_UP_LOCK_KEY = 727_061_001;

/** How long a process waits for another one's migrations and seeding before it gives up. */
const LOCK_WAIT = '120s';

/** Work done while the start-up lock is held, on the connection that holds it. */
export type OnLocked = (db: Db) => Promise<void>;

/**
 * Applies pending migrations and then runs onLocked (seeding, the first admin), all under one
 * PostgreSQL advisory lock: processes started at once on an empty database take turns, and
 * each one after the first finds the schema in place and the seed rows there. The lock is
 * held by one dedicated connection, which also runs the work (no pool deadlock at max=1); if
 * the process dies, PostgreSQL drops the session lock with the connection.
 */
export async function migrateUnderLock(pool: pg.Pool, migrationsFolder: string, onLocked?: OnLocked): Promise<void> {
  const client = await pool.connect();
  // A checked-out client that loses its connection emits 'error'; the failing query reports it.
  const ignore = () => undefined;
  client.on('error', ignore);
  let released = false;
  try {
    // lock_timeout also bounds pg_advisory_lock: a start never waits forever.
    await client.query(`set lock_timeout = '${LOCK_WAIT}'`);
    await client.query('select pg_advisory_lock($1)', [START_UP_LOCK_KEY]);
    const db = drizzlePg({ client, schema });
    await migratePg(db, { migrationsFolder });
    await client.query('reset lock_timeout');
    await onLocked?.(db as unknown as Db);
    await client.query('select pg_advisory_unlock($1)', [START_UP_LOCK_KEY]);
  } catch (err) {
    // The connection may hold the lock in an unknown state: destroy it rather than reuse it.
    client.release(err instanceof Error ? err : true);
    released = true;
    throw err;
  } finally {
    client.off('error', ignore);
    if (!released) client.release();
  }
}
