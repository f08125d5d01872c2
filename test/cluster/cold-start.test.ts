import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedThemeRows } from '@convene/shared';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '@convene/shared/db';
import pg from 'pg';
import { demoProgramme } from '../../server/src/services/seed/demo-programme.js';
import { eventually } from '../factories.js';
import { spawnEntry, type Child } from '../support/child-process.js';
import { startPrivatePostgres } from '../support/private-postgres.js';
import { createTestDatabase } from '../support/test-database.js';

/** A fresh, empty PostgreSQL database: on the suite's server when it has one, else a private one. */
async function emptyPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    const target = await createTestDatabase('postgres');
    return { url: target.databaseUrl!, drop: target.drop };
  }
  const server = await startPrivatePostgres();
  return { url: server.url, drop: server.destroy };
}

function portFrom(output: string): number {
  const match = /"url":"http:\/\/localhost:(\d+)"/.exec(output);
  if (!match) throw new Error(`no url in output:\n${output}`);
  return Number(match[1]);
}

describe('a cold start of the cluster on an empty PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof emptyPostgres>>;
  const children: Child[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    database = await emptyPostgres();
  });
  afterAll(async () => {
    for (const child of children) await child.stop('SIGKILL');
    await database?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('brings up two APIs and two workers started at the same moment, seeded once', async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `c${randomBytes(4).toString('hex')}`,
      SESSION_SECRET: randomBytes(24).toString('hex'),
      ADMIN_EMAIL: 'admin@convene.test',
      ADMIN_PASSWORD: 'a long enough password',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
    };
    // All four at once, before any of them has touched the database; each with a DATA_DIR
    // of its own, as separate containers would have.
    const dataDir = () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'convene-cold-'));
      dirs.push(dir);
      return dir;
    };
    // The gate: compiling TypeScript staggers the four starts by seconds, which hides the race a
    // compiled build meets. An uncommitted CREATE SCHEMA of drizzle's own schema holds back the
    // first statement of every migration until all four are there; then it is rolled back, so
    // the database is still empty and the four go at the same instant.
    const gate = new pg.Client({ connectionString: database.url });
    const watcher = new pg.Client({ connectionString: database.url });
    await Promise.all([gate.connect(), watcher.connect()]);
    await gate.query('begin');
    await gate.query('create schema drizzle');
    const apis = [0, 1].map(() =>
      spawnEntry('server/src/main.ts', ['--role=server'], { ...env, PORT: '0', DATA_DIR: dataDir() }),
    );
    const workers = [0, 1].map(() => spawnEntry('worker/src/main.ts', [], { ...env, DATA_DIR: dataDir() }));
    children.push(...apis, ...workers);

    try {
      await eventually(async () => {
        for (const child of children)
          if (child.process.exitCode !== null) throw new Error(`exited before the gate:\n${child.output()}`);
        // Waiting on a lock: the advisory start-up lock, or the gate's schema behind it.
        // Asked on another connection: pg_stat_activity is a snapshot within the gate's transaction.
        const { rows } = await watcher.query<{ n: string }>(
          `select count(*) as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        return Number(rows[0]!.n) === 4;
      }, 90_000);
    } finally {
      await gate.query('rollback');
      await Promise.all([gate.end(), watcher.end()]);
    }

    await Promise.all([
      ...apis.map((api) => api.waitForOutput('Convene is up', 90_000)),
      ...workers.map((worker) => worker.waitForOutput('workers started', 90_000)),
    ]);
    for (const api of apis) {
      const res = await fetch(`http://127.0.0.1:${portFrom(api.output())}/readyz`);
      expect(res.status).toBe(200);
    }
    for (const child of children) expect(child.process.exitCode).toBeNull();

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const one = async (query: string) => Number((await client.query<{ n: string }>(query)).rows[0]!.n);
      expect(await one('select count(*) as n from coordinator_accounts')).toBe(1);
      expect(await one(`select count(*) as n from coordinator_accounts where role = 'admin'`)).toBe(1);
      expect(await one('select count(*) as n from themes')).toBe(seedThemeRows().length);
      expect(await one('select count(*) as n from webinars')).toBe(demoProgramme(new Date()).length);
      expect(await one('select count(*) as n from drizzle.__drizzle_migrations')).toBe(
        readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length,
      );
    } finally {
      await client.end();
    }
    for (const child of children) expect(await child.stop('SIGTERM')).toBe(0);
  }, 120_000);
});
