import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EVENTS, type TReportSubmittedEvent } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { io } from 'socket.io-client';
import { createWebinarRow, reportBody, truncateActivity } from '../factories.js';
import { signIn } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

// Each test speaks from its own (documentation-range) address, so rate limits never leak
// between tests; the server trusts one proxy hop for this.
let nextHost = 1;
const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${nextHost++}` });

describe.each(databaseKinds())('POST /api/reports (%s)', (kind) => {
  let stack: TestStack;
  const post = (json: unknown, headers: Record<string, string> = fromNewAddress()) =>
    stack.request('/api/reports', { method: 'POST', json, headers });

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, env: { TRUST_PROXY: '1', REPORT_RATE_LIMIT: '5' } });
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('stores the report with its themes and their provenance, and answers with a receipt code', async () => {
    const body = reportBody({
      themes: [
        { slug: 'smuggling-trafficking', subtopics: ['trafficking', 'forced-labour'], provenance: 'chosen' },
        { slug: 'human-rights-inclusion', provenance: 'suggested' },
      ],
    });
    const res = await post(body);
    expect(res.status).toBe(201);
    const { receipt, duplicate } = (await res.json()) as {
      receipt: { receiptCode: string; status: string };
      duplicate: boolean;
    };
    expect(duplicate).toBe(false);
    expect(receipt.receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.status).toBe('new');

    const [report] = await stack.db.select().from(tables.reports);
    expect(report).toMatchObject({
      clientSubmissionId: body.clientSubmissionId,
      receiptCode: receipt.receiptCode,
      anonymous: true,
      organization: null,
      contactName: null,
      contactEmail: null,
      region: 'africa',
      countries: ['LY', 'NE'],
      corridorOrigin: 'NE',
      corridorDestination: 'LY',
      barriers: body.barriers,
      affectedGroups: ['undocumented', 'women'],
      consent: 'anonymized',
      language: 'en',
    });
    const themes = await stack.db.select().from(tables.reportThemes).orderBy(tables.reportThemes.themeSlug);
    expect(themes.map((t) => [t.themeSlug, t.provenance, t.subtopics])).toEqual([
      ['human-rights-inclusion', 'suggested', []],
      ['smuggling-trafficking', 'chosen', ['trafficking', 'forced-labour']],
    ]);
  });

  it('stores the organization of a named report, and links the webinar of the follow-up link', async () => {
    const webinar = await createWebinarRow(stack.db);
    const body = reportBody({
      reporter: { kind: 'named', organization: 'Red Migrante' },
      consent: 'attributed',
      language: 'es',
      webinarSlug: webinar.slug,
    });
    expect((await post(body)).status).toBe(201);
    const [report] = await stack.db.select().from(tables.reports);
    expect(report).toMatchObject({
      anonymous: false,
      organization: 'Red Migrante',
      contactName: null,
      contactEmail: null,
      identityCiphertext: null,
      consent: 'attributed',
      language: 'es',
      webinarId: webinar.id,
    });
  });

  it('returns 400 with field errors for a report without barriers, themes or region', async () => {
    const res = await post(reportBody({ barriers: '   ', themes: [], region: 'atlantis' as never }));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; fields: Record<string, { code: string }> } };
    expect(error.code).toBe('validation_failed');
    expect(error.fields.barriers?.code).toBe('required');
    expect(error.fields.themes?.code).toBe('theme_required');
    expect(error.fields.region?.code).toBe('invalid_value');
    expect(await stack.db.select().from(tables.reports)).toHaveLength(0);
  });

  it('refuses identity fields on an anonymous report and attribution without a name', async () => {
    const withName = await post(reportBody({ reporter: { kind: 'anonymous', name: 'X' } as never }));
    expect(withName.status).toBe(400);
    expect(((await withName.json()) as { error: { fields: object } }).error.fields).toHaveProperty(['reporter.name']);

    const attributed = await post(reportBody({ consent: 'attributed' }));
    expect(attributed.status).toBe(400);
    const { error } = (await attributed.json()) as { error: { fields: Record<string, { code: string }> } };
    expect(error.fields.consent?.code).toBe('consent_attribution_anonymous');
    expect(await stack.db.select().from(tables.reports)).toHaveLength(0);
  });

  it('returns field errors for an unknown theme and for a sub-topic of another theme', async () => {
    const res = await post(
      reportBody({
        themes: [
          { slug: 'no-such-theme', provenance: 'chosen' },
          { slug: 'drivers-of-migration', subtopics: ['remittances'], provenance: 'chosen' },
        ],
      }),
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { fields: Record<string, { code: string }> } };
    expect(error.fields['themes.0.slug']?.code).toBe('unknown_theme');
    expect(error.fields['themes.1.subtopics.0']?.code).toBe('unknown_subtopic');
    expect(await stack.db.select().from(tables.reports)).toHaveLength(0);
  });

  it('stores one report for 20 concurrent submissions of the same client id, all with one receipt', async () => {
    const body = reportBody();
    const headers = fromNewAddress();
    // The limit is 5 an hour per address: send from several, as a retrying queue behind NATs might.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(body, i % 4 === 0 ? fromNewAddress() : headers).catch(() => null)),
    );
    const answered = responses.filter((r) => r !== null && r.status !== 429);
    const receipts = new Set(
      await Promise.all(
        answered.map(async (r) => ((await r!.json()) as { receipt: { receiptCode: string } }).receipt.receiptCode),
      ),
    );
    expect(answered.filter((r) => r!.status === 201)).toHaveLength(1);
    expect(receipts.size).toBe(1);
    expect(await stack.db.select().from(tables.reports)).toHaveLength(1);
    expect(await stack.db.select().from(tables.reportThemes)).toHaveLength(1);
  });

  it('answers a replay of an earlier submission with its receipt and stores nothing new, even if the text changed', async () => {
    const body = reportBody();
    const first = (await (await post(body)).json()) as { receipt: { receiptCode: string } };
    const replay = await post({ ...body, barriers: 'edited afterwards' });
    expect(replay.status).toBe(200);
    const again = (await replay.json()) as { receipt: { receiptCode: string }; duplicate: boolean };
    expect(again).toMatchObject({ duplicate: true, receipt: { receiptCode: first.receipt.receiptCode } });
    const rows = await stack.db.select().from(tables.reports);
    expect(rows.map((r) => r.barriers)).toEqual([body.barriers]);
  });

  it('writes nothing when storing fails half-way (a 500), and the retry of the same submission is stored once', async () => {
    // A real failure inside the transaction: the theme insert raises after the report row went in.
    await stack.db.execute(sql`
      create or replace function fail_report_theme() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$`);
    await stack.db.execute(
      sql`create trigger fail_report_theme before insert on report_themes for each row execute function fail_report_theme()`,
    );
    const body = reportBody();
    const failed = await post(body);
    await stack.db.execute(sql`drop trigger fail_report_theme on report_themes`);

    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe('internal');
    expect(await stack.db.select().from(tables.reports)).toHaveLength(0);

    const retried = await post(body);
    expect(retried.status).toBe(201);
    expect(await stack.db.select().from(tables.reports)).toHaveLength(1);
  });

  it('returns 413 for a body over the limit and stores nothing', async () => {
    const res = await post(reportBody({ barriers: 'x'.repeat(200_000) }));
    expect(res.status).toBe(413);
    expect(await stack.db.select().from(tables.reports)).toHaveLength(0);
  });

  it('returns 429 with Retry-After past the limit of one network, while another network still gets through', async () => {
    const headers = fromNewAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(reportBody(), headers)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await post(reportBody(), headers);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await post(reportBody())).status).toBe(201);
  });

  it('tells the status by receipt code, and nothing else', async () => {
    const res = await post(reportBody());
    const { receipt } = (await res.json()) as { receipt: { receiptCode: string } };
    await stack.db.update(tables.reports).set({ status: 'reviewed' });

    const found = await stack.request(`/api/reports/receipt/${receipt.receiptCode.toLowerCase()}`, {
      headers: fromNewAddress(),
    });
    expect(found.status).toBe(200);
    const body = (await found.json()) as { receipt: Record<string, unknown> };
    expect(Object.keys(body.receipt).sort()).toEqual(['receiptCode', 'receivedAt', 'status', 'withdrawn']);
    expect(body.receipt.status).toBe('reviewed');

    expect((await stack.request('/api/reports/receipt/AAAA-BBBB-CCCC', { headers: fromNewAddress() })).status).toBe(
      404,
    );
    expect((await stack.request('/api/reports/receipt/not-a-code', { headers: fromNewAddress() })).status).toBe(404);
  });

  it('announces a new report to signed-in coordinators with ids and counts, never its text or its author', async () => {
    const session = await signIn(stack);
    const socket = io(stack.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: session.cookie },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve);
      socket.on('connect_error', reject);
    });
    const received = new Promise<TReportSubmittedEvent>((resolve) => socket.on(EVENTS.reportSubmitted, resolve));
    const body = reportBody({
      reporter: { kind: 'named', organization: 'Caminantes' },
      consent: 'attributed',
    });
    expect((await post(body)).status).toBe(201);
    const event = await received;
    socket.close();

    const [report] = await stack.db
      .select()
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    expect(event).toMatchObject({
      reportId: report!.id,
      region: 'africa',
      themes: ['smuggling-trafficking'],
      counts: { total: 1, region: 1, byTheme: { 'smuggling-trafficking': 1 } },
    });
    const wire = JSON.stringify(event);
    for (const secret of [body.barriers, body.recommendations, 'Caminantes', report!.receiptCode]) {
      expect(wire).not.toContain(secret);
    }
  });

  it('counts, in the live event, every report before it plus itself, per region and per theme', async () => {
    const events: TReportSubmittedEvent[] = [];
    const listener = (event: TReportSubmittedEvent) => events.push(event);
    stack.running.ctx.events.on('reportSubmitted', listener);
    const drivers = { slug: 'drivers-of-migration', subtopics: [], provenance: 'chosen' as const };
    const smuggling = { slug: 'smuggling-trafficking', subtopics: [], provenance: 'chosen' as const };
    try {
      expect((await post(reportBody({ region: 'asia', corridor: null, countries: ['NP'] }))).status).toBe(201);
      expect((await post(reportBody({ themes: [smuggling, drivers] }))).status).toBe(201);
      // A replay stores nothing and announces nothing.
      const replayed = reportBody();
      expect((await post(replayed)).status).toBe(201);
      expect((await post(replayed)).status).toBe(200);
      expect((await post(reportBody({ themes: [drivers] }))).status).toBe(201);
    } finally {
      stack.running.ctx.events.off('reportSubmitted', listener);
    }
    expect(events.map((e) => e.counts)).toEqual([
      { total: 1, region: 1, byTheme: { 'smuggling-trafficking': 1 } },
      { total: 2, region: 1, byTheme: { 'smuggling-trafficking': 2, 'drivers-of-migration': 1 } },
      { total: 3, region: 2, byTheme: { 'smuggling-trafficking': 3 } },
      { total: 4, region: 3, byTheme: { 'drivers-of-migration': 2 } },
    ]);
    // Stored as announced: each report with its themes, one row per theme.
    expect(await stack.db.select().from(tables.reports)).toHaveLength(4);
    expect(await stack.db.select().from(tables.reportThemes)).toHaveLength(5);
  });
});
