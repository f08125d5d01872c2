import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/** More than one page of the PGlite keyset read (5,000 rows), all within a few milliseconds. */
const REPORTS = 5_050;

/**
 * Reports whose received times are a few microseconds apart, off the millisecond: a keyset position kept as a
 * JavaScript Date (milliseconds) would read part of a page twice.
 */
async function seedMicrosecondApart(stack: TestStack, n: number): Promise<void> {
  await stack.db.execute(sql`
    insert into reports (client_submission_id, receipt_code, language, anonymous, region, countries,
      barriers, consent, created_at)
    select gen_random_uuid(), 'STREAM-' || i, 'en', true, 'africa', '["NE"]'::jsonb,
      'Barrier ' || i, 'anonymized', timestamptz '2027-01-01 00:00:00+00' + (i * 7 + 1) * interval '1 microsecond'
    from generate_series(1, ${n}) as i`);
}

describe.each(databaseKinds())('the CSV export read in pages (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false });
    admin = await signIn(stack);
    await seedMicrosecondApart(stack, REPORTS);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('exports every report exactly once, in order, even when their times share a millisecond', async () => {
    const res = await stack.request('/api/admin/reports/export.csv', { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(REPORTS);
    expect(new Set(rows.map((r) => r.report_id)).size).toBe(REPORTS);
    expect(rows.map((r) => r.barriers)).toEqual(Array.from({ length: REPORTS }, (_, i) => `Barrier ${i + 1}`));
  });
});
