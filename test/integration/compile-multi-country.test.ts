import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TCompilation } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';

describe.each(databaseKinds())('a brief with a report about several countries (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let both: string;
  let senegal: string;
  let live: TCompilation;

  const request = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(path, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });

  /** Sends a report on the theme and includes it; its id. */
  async function included(overrides: Parameters<typeof reportBody>[0]): Promise<string> {
    const body = reportBody({ themes: [{ slug: THEME, provenance: 'chosen' }], corridor: null, ...overrides });
    expect((await stack.request('/api/reports', { method: 'POST', json: body })).status).toBe(201);
    const [row] = await stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(sql`${tables.reports.clientSubmissionId} = ${body.clientSubmissionId}`);
    const res = await request(`/api/admin/reports/${row!.id}`, { method: 'PATCH', json: { status: 'included' } });
    expect(res.status).toBe(200);
    return row!.id;
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    await truncateActivity(stack.db);
    both = await included({ countries: ['MA', 'SN'], barriers: 'Raids at the bus stations of Rabat and Dakar.' });
    senegal = await included({ countries: ['SN'], barriers: 'Fishermen detained at sea.' });
    const res = await request(`/api/admin/compilations/live/${THEME}`);
    expect(res.status).toBe(200);
    live = ((await res.json()) as { compilation: TCompilation }).compilation;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('gives it in full under its first country and as a cross-reference under the other', () => {
    const africa = live.regions.find((r) => r.region === 'africa');
    expect(africa?.countries.map((c) => [c.country, c.reports.map((r) => r.reportId), c.seeAlso])).toEqual([
      ['MA', [both], undefined],
      ['SN', [senegal], [{ reportId: both, country: 'MA', code: expect.stringMatching(/^R-\d{4}$/) }]],
    ]);
  });

  it('counts it once per country and once in its region', () => {
    expect(live.counts).toMatchObject({ total: 2, byRegion: { africa: 2 }, byCountry: { MA: 1, SN: 2 } });
    expect(live.regions.find((r) => r.region === 'africa')?.count).toBe(2);
  });

  it('says in the Markdown export under Senegal where to read it, without repeating its text', async () => {
    const md = await (await request(`/api/admin/compilations/live/${THEME}/export.md`)).text();
    const underSenegal = md.slice(md.indexOf('### Senegal'));
    const code = live.regions[0]?.countries[0]?.reports[0]?.code;
    expect(underSenegal).toContain(`- See ${code} under Morocco (MA)`);
    expect(md.split('Raids at the bus stations').length - 1).toBe(1);
    const rows = parse(await (await request(`/api/admin/compilations/live/${THEME}/export.csv`)).text(), {
      bom: true,
    }) as string[][];
    const codes = live.regions[0]?.countries.flatMap((c) => c.reports.map((r) => r.code));
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      [codes?.[0], 'MA SN'],
      [codes?.[1], 'SN'],
    ]);
  });

  it('keeps the cross-reference in a frozen compilation', async () => {
    const frozen = await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } });
    expect(frozen.status).toBe(201);
    const { id } = (await frozen.json()) as { id: string };
    const { compilation } = (await (await request(`/api/admin/compilations/${id}`)).json()) as {
      compilation: TCompilation;
    };
    expect(compilation.counts.byCountry).toEqual({ MA: 1, SN: 2 });
    expect(compilation.regions[0]?.countries[1]?.seeAlso).toEqual([
      { reportId: both, country: 'MA', code: expect.stringMatching(/^R-\d{4}$/) },
    ]);
  });
});
