import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { eventually } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';

// A server-side cursor is PostgreSQL's (PGlite reads keyset pages): this file runs on it.
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

/** 40 MB of CSV: far more than the socket buffers hold, so a paused download holds the export back. */
const REPORTS = 20_000;
const TEXT = 'x'.repeat(2_000);
/** The export's statement, as pg_stat_activity shows it. */
const EXPORT_QUERY = '%string_agg(t.theme_slug%';

describe('the CSV export on a PostgreSQL cursor', () => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let observer: pg.Client;

  /** The state of the backend running the export statement in this test's database, if any. */
  async function exportBackend(): Promise<string | null> {
    const { rows } = await observer.query<{ state: string }>(
      `select state from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and query like $1`,
      [EXPORT_QUERY],
    );
    return rows.find((r) => r.state !== 'idle')?.state ?? null;
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind: 'postgres', withWorker: false, smtp: false });
    admin = await signIn(stack);
    await stack.db.execute(sql`
      insert into reports (client_submission_id, receipt_code, language, anonymous, region, countries,
        barriers, consent)
      select gen_random_uuid(), 'CURSOR-' || i, 'en', true, 'africa', '["NE"]'::jsonb, ${TEXT}, 'anonymized'
      from generate_series(1, ${REPORTS}) as i`);
    observer = new pg.Client({ connectionString: stack.target.databaseUrl });
    await observer.connect();
  });
  afterAll(async () => {
    await observer?.end();
    await stack?.stop();
  });

  it('reads one statement as the client downloads, and stops it when the client goes away', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(`${stack.url}/api/admin/reports/export.csv`, { headers: { cookie: admin.cookie } }, resolve);
      req.on('error', reject);
      req.end();
    });
    expect(res.statusCode).toBe(200);
    // The first bytes, then a client that reads no more.
    await new Promise((resolve) => res.once('data', resolve));
    res.pause();
    // Held open by the paused download: one statement, its cursor waiting for the next fetch.
    expect(await eventually(exportBackend)).not.toBe('idle');
    res.destroy();
    // Gone: the cursor is closed, its connection idle again.
    expect(await eventually(async () => (await exportBackend()) === null)).toBe(true);
  });
});
