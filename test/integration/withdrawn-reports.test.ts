import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  EVENTS,
  type TAdminReport,
  type TAdminReportList,
  type TOverview,
  type TReportSubmitted,
  type TReportWithdrawnEvent,
} from '@convene/shared';
import { tables } from '@convene/shared/db';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { eventually, reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';

/**
 * What coordinators see of a report its reporter withdrew: a tombstone in the list and on its
 * page (marked, no text), a CSV row that dates it and holds no text, no more edits (409), and
 * counts that no longer hold it; open workspaces hear of it by its id alone.
 */
describe.each(databaseKinds())('withdrawn reports in the workspace (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let withdrawn: { id: string; code: string };
  let kept: { id: string; code: string };
  const request = (p: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(p, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });
  const getJson = async <T>(p: string): Promise<T> => {
    const res = await request(p);
    expect([p, res.status]).toEqual([p, 200]);
    return (await res.json()) as T;
  };

  async function submit(barriers: string) {
    const body = reportBody({
      barriers,
      region: 'africa',
      themes: [{ slug: THEME, provenance: 'chosen' }],
      consent: 'attributed',
      reporter: { kind: 'named', organization: `${barriers} Collective` },
    });
    const res = await stack.request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const { receipt } = (await res.json()) as TReportSubmitted;
    const [row] = await stack.db
      .select()
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    return { id: row!.id, code: receipt.receiptCode };
  }
  const withdraw = (code: string) =>
    stack.request(`/api/reports/receipt/${code}/withdraw`, { method: 'POST', json: { confirm: true } });

  beforeAll(async () => {
    stack = await startTestStack({ kind, smtp: false, withWorker: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    await truncateActivity(stack.db);
    await stack.db.execute(sql`truncate table audit_log cascade`);
    withdrawn = await submit('Checkpoint extortion');
    kept = await submit('Detention without interpreters');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('tells a signed-in coordinator’s socket the withdrawn report’s id, and nothing else', async () => {
    const before = await getJson<TOverview>('/api/admin/overview');
    expect(before.totals.reports).toBe(2);
    expect(before.coverage.counts[THEME]!.africa).toBe(2);

    const socket: Socket = io(stack.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: admin.cookie, origin: 'http://convene.test' },
      reconnection: false,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', () => resolve());
        socket.on('connect_error', reject);
      });
      const events: unknown[] = [];
      socket.on(EVENTS.reportWithdrawn, (payload: unknown) => events.push(payload));
      expect((await withdraw(withdrawn.code)).status).toBe(200);
      const [event] = await eventually(async () => (events.length > 0 ? events : null));
      expect(event).toEqual({ reportId: withdrawn.id } satisfies TReportWithdrawnEvent);
    } finally {
      socket.close();
    }
  });

  it('lists the tombstone marked, without text, and filters on it', async () => {
    const all = await getJson<TAdminReportList>('/api/admin/reports');
    const byId = new Map(all.reports.map((r) => [r.id, r]));
    expect(byId.get(withdrawn.id)).toMatchObject({ barriers: '', organization: null, recommendations: '' });
    expect(Date.parse(byId.get(withdrawn.id)!.withdrawnAt!)).not.toBeNaN();
    expect(byId.get(kept.id)!.withdrawnAt).toBeNull();

    const only = await getJson<TAdminReportList>('/api/admin/reports?withdrawn=only');
    expect(only.reports.map((r) => r.id)).toEqual([withdrawn.id]);
    const exclude = await getJson<TAdminReportList>('/api/admin/reports?withdrawn=exclude');
    expect(exclude.reports.map((r) => r.id)).toEqual([kept.id]);
    expect((await request('/api/admin/reports?withdrawn=maybe')).status).toBe(400);

    const { report } = await getJson<{ report: TAdminReport }>(`/api/admin/reports/${withdrawn.id}`);
    expect(report.withdrawnAt).toBe(byId.get(withdrawn.id)!.withdrawnAt);
  });

  it('refuses every edit of a withdrawn report with 409 report_withdrawn, and writes nothing', async () => {
    const audit = async () => stack.db.select().from(tables.auditLog).orderBy(tables.auditLog.id);
    const auditBefore = await audit();
    const [rowBefore] = await stack.db.select().from(tables.reports).where(eq(tables.reports.id, withdrawn.id));
    const path = `/api/admin/reports/${withdrawn.id}`;
    const attempts: [string, string, unknown][] = [
      ['PATCH', path, { status: 'included' }],
      ['PATCH', path, { themes: [{ slug: THEME, subtopics: [] }] }],
      ['PATCH', path, { redaction: { barriers: 'Words put back' } }],
      ['POST', `${path}/notes`, { text: 'A note on an erased report' }],
      ['POST', `${path}/merge`, { into: kept.id }],
      ['POST', `/api/admin/reports/${kept.id}/merge`, { into: withdrawn.id }],
      ['PUT', `${path}/translations`, { field: 'barriers', language: 'fr', text: 'Texte remis' }],
    ];
    for (const [method, p, json] of attempts) {
      const res = await request(p, { method, json });
      expect([method, p, res.status]).toEqual([method, p, 409]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('report_withdrawn');
    }
    const [rowAfter] = await stack.db.select().from(tables.reports).where(eq(tables.reports.id, withdrawn.id));
    expect(rowAfter).toEqual(rowBefore);
    const [keptRow] = await stack.db.select().from(tables.reports).where(eq(tables.reports.id, kept.id));
    expect(keptRow!.mergedInto).toBeNull();
    expect(
      await stack.db.select().from(tables.reportNotes).where(eq(tables.reportNotes.reportId, withdrawn.id)),
    ).toEqual([]);
    expect(
      await stack.db
        .select()
        .from(tables.reportTranslations)
        .where(eq(tables.reportTranslations.reportId, withdrawn.id)),
    ).toEqual([]);
    expect(await audit()).toEqual(auditBefore);

    // The report beside it still takes edits.
    expect(
      (await request(`/api/admin/reports/${kept.id}`, { method: 'PATCH', json: { status: 'reviewed' } })).status,
    ).toBe(200);
  });

  it('dates the withdrawn row in the CSV’s last column, withdrawn_at, with no text nor attribution', async () => {
    const res = await request('/api/admin/reports/export.csv');
    expect(res.status).toBe(200);
    const text = await res.text();
    const header = text
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    expect(header.at(-1)).toBe('withdrawn_at');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const byId = new Map(rows.map((r) => [r.report_id, r]));
    const [row] = await stack.db.select().from(tables.reports).where(eq(tables.reports.id, withdrawn.id));
    expect(byId.get(withdrawn.id)).toMatchObject({
      withdrawn_at: row!.withdrawnAt!.toISOString(),
      barriers: '',
      recommendations: '',
      source: '',
      attribution: '',
    });
    expect(byId.get(kept.id)).toMatchObject({
      withdrawn_at: '',
      attribution: 'Detention without interpreters Collective',
    });
  });

  it('leaves the withdrawn report out of the overview’s totals, coverage, days and latest reports', async () => {
    const after = await getJson<TOverview>('/api/admin/overview');
    expect(after.totals.reports).toBe(1);
    expect(after.coverage.counts[THEME]!.africa).toBe(1);
    expect(after.overTime.reduce((n, d) => n + d.count, 0)).toBe(1);
    expect(after.recent.map((r) => r.id)).toEqual([kept.id]);
  });
});
