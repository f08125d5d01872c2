import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TAdminReport, TAdminReportList, TCompilation, TMergeResult } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { DUPLICATE_SAMPLES } from '../../server/src/services/review/duplicates.fixture.js';
import { reportBody, truncateActivity } from '../factories.js';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';
const PASSWORD = 'another correct horse battery';

describe.each(databaseKinds())('near-duplicate reports and merging (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let europe: CoordinatorSession;

  const as =
    (session: CoordinatorSession) =>
    (path: string, init: RequestInit & { json?: unknown } = {}) =>
      stack.request(path, { ...init, headers: { ...session.headers, ...(init.headers as object) } });

  async function json<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
    const r = await res;
    const body = (await r.json()) as T;
    expect({ status: r.status, body }).toMatchObject({ status });
    return body;
  }

  /** Submits a report through the public API and returns its id. */
  async function submit(overrides: Parameters<typeof reportBody>[0] = {}): Promise<string> {
    const body = reportBody({ themes: [{ slug: THEME, provenance: 'chosen' }], ...overrides });
    const res = await stack.request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const [row] = await stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    return row!.id;
  }

  const codeOf = async (id: string) => {
    const [row] = await stack.db
      .select({ number: tables.reports.number })
      .from(tables.reports)
      .where(eq(tables.reports.id, id));
    return `R-${String(row!.number).padStart(4, '0')}`;
  };

  async function coordinator(scope: { regionScope?: string[] }): Promise<CoordinatorSession> {
    const email = `dupes.${randomBytes(4).toString('hex')}@convene.test`;
    const { account } = await json<{ account: { id: string } }>(
      as(admin)('/api/admin/accounts/invitations', {
        method: 'POST',
        json: { email, role: 'coordinator', regionScope: null, themeScope: null, ...scope },
      }),
      201,
    );
    const token = await unmailedInvitationToken(stack.db, account.id);
    const accepted = await stack.request('/api/auth/invitation', {
      method: 'POST',
      json: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(204);
    return signIn(stack, email, PASSWORD);
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    europe = await coordinator({ regionScope: ['europe'] });
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    await stack.db.execute(sql`truncate table compilations, report_notes, audit_log`);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('flags two reports saying the same in different wording, in the list and the detail, and not an unrelated one', async () => {
    const en = DUPLICATE_SAMPLES.en;
    const ar = DUPLICATE_SAMPLES.ar;
    const first = await submit({ barriers: en.original });
    const second = await submit({ barriers: en.reworded, region: 'europe', countries: ['IT'], corridor: null });
    const unrelated = await submit({ barriers: en.unrelated[2] });
    const arFirst = await submit({ language: 'ar', barriers: ar.original });
    const arSecond = await submit({ language: 'ar', barriers: ar.reworded });
    const request = as(admin);

    const list = await json<TAdminReportList>(request('/api/admin/reports'));
    const byId = new Map(list.reports.map((r) => [r.id, r]));
    const flagged = (id: string) => byId.get(id)!.duplicates.map((d) => d.id);
    expect(flagged(first)).toEqual([second]);
    expect(flagged(second)).toEqual([first]);
    expect(flagged(unrelated)).toEqual([]);
    expect(flagged(arFirst)).toEqual([arSecond]);
    expect(flagged(arSecond)).toEqual([arFirst]);
    // Every row carries its code; the duplicate is named by code, with its similarity.
    expect(byId.get(first)!.code).toBe(await codeOf(first));
    const [candidate] = byId.get(first)!.duplicates;
    expect(candidate).toMatchObject({ code: await codeOf(second), status: 'new' });
    expect(candidate!.similarity).toBeGreaterThanOrEqual(0.5);
    expect(candidate!.similarity).toBeLessThan(1);

    const detail = (await json<{ report: TAdminReport }>(request(`/api/admin/reports/${first}`))).report;
    expect(detail.duplicates).toEqual([candidate]);
    expect(detail).toMatchObject({ code: await codeOf(first), mergedInto: null, mergedReports: [] });

    // A coordinator of Europe sees the Italian one, without the African duplicate outside their scope.
    const scoped = (await json<{ report: TAdminReport }>(as(europe)(`/api/admin/reports/${second}`))).report;
    expect(scoped.duplicates).toEqual([]);
  });

  it('finds reports by their code (R-0042), one or several', async () => {
    const a = await submit({ barriers: 'Clinics refuse care without papers.' });
    const b = await submit({ barriers: 'Employers keep the workers’ passports.' });
    await submit({ barriers: 'Children are detained at the border.' });
    const request = as(admin);
    const [codeA, codeB] = [await codeOf(a), await codeOf(b)];

    const one = await json<TAdminReportList>(request(`/api/admin/reports?q=${codeA}`));
    expect(one.reports.map((r) => [r.id, r.code])).toEqual([[a, codeA]]);
    const lower = await json<TAdminReportList>(request(`/api/admin/reports?q=${codeB.toLowerCase()}`));
    expect(lower.reports.map((r) => r.id)).toEqual([b]);
    const both = await json<TAdminReportList>(
      request(`/api/admin/reports?q=${encodeURIComponent(`${codeA}, ${codeB}`)}`),
    );
    expect(both.reports.map((r) => r.id).sort()).toEqual([a, b].sort());
  });

  it('merges a duplicate into the report kept: listed once with both codes, searchable by either, audited, undone', async () => {
    const es = DUPLICATE_SAMPLES.es;
    const kept = await submit({ language: 'es', barriers: es.original });
    const duplicate = await submit({ language: 'es', barriers: es.resent });
    const other = await submit({ barriers: 'Employers keep the workers’ passports.' });
    const request = as(admin);
    const [keptCode, duplicateCode] = [await codeOf(kept), await codeOf(duplicate)];

    expect((await json<TAdminReportList>(request('/api/admin/reports'))).total).toBe(3);
    const merged = await json<TMergeResult>(
      request(`/api/admin/reports/${duplicate}/merge`, { method: 'POST', json: { into: kept } }),
    );
    expect(merged.kept).toMatchObject({ id: kept, mergedReports: [{ id: duplicate, code: duplicateCode }] });
    expect(merged.merged).toMatchObject({ id: duplicate, mergedInto: { id: kept, code: keptCode } });
    // Merged, the pair is no longer flagged: nothing left to decide.
    expect(merged.kept.duplicates).toEqual([]);
    expect(merged.merged.duplicates).toEqual([]);

    // The default list has the pair once, under the kept report, which names both codes.
    const list = await json<TAdminReportList>(request('/api/admin/reports'));
    expect(list.reports.map((r) => r.id).sort()).toEqual([kept, other].sort());
    expect(list.total).toBe(2);
    expect(list.reports.find((r) => r.id === kept)).toMatchObject({
      code: keptCode,
      mergedReports: [{ code: duplicateCode }],
    });
    const onlyMerged = await json<TAdminReportList>(request('/api/admin/reports?merged=only'));
    expect(onlyMerged.reports.map((r) => r.id)).toEqual([duplicate]);
    expect((await json<TAdminReportList>(request('/api/admin/reports?merged=include'))).total).toBe(3);
    // Its code still finds the merged one, saying where it went.
    const byCode = await json<TAdminReportList>(request(`/api/admin/reports?q=${duplicateCode}`));
    expect(byCode.reports.map((r) => [r.id, r.mergedInto?.code])).toEqual([[duplicate, keptCode]]);
    // The CSV export follows the list, with the codes; asked for, the merged one names the kept one.
    const csv = await (await request('/api/admin/reports/export.csv')).text();
    expect(csv).not.toContain(duplicate);
    expect(csv).toContain(`${kept},${keptCode},`);
    const withMerged = await (await request('/api/admin/reports/export.csv?merged=only')).text();
    // merged_into, then withdrawn_at (empty: not withdrawn), close each row.
    expect(withMerged.trim().split('\n').at(-1)).toMatch(new RegExp(`^${duplicate},${duplicateCode},.*,${keptCode},$`));

    // Refused: itself, twice, into a merged one.
    const refused = async (id: string, into: string) =>
      (await request(`/api/admin/reports/${id}/merge`, { method: 'POST', json: { into } })).status;
    expect(await refused(kept, kept)).toBe(422);
    expect(await refused(duplicate, other)).toBe(409);
    expect(await refused(other, duplicate)).toBe(409);

    const undone = await json<TMergeResult>(request(`/api/admin/reports/${duplicate}/merge`, { method: 'DELETE' }));
    expect(undone.merged).toMatchObject({ mergedInto: null });
    expect(undone.kept.mergedReports).toEqual([]);
    expect(undone.kept.duplicates.map((d) => d.id)).toEqual([duplicate]);
    expect((await json<TAdminReportList>(request('/api/admin/reports'))).total).toBe(3);
    expect((await request(`/api/admin/reports/${duplicate}/merge`, { method: 'DELETE' })).status).toBe(409);

    const audit = await json<{ entries: { action: string; targetId: string; details: unknown }[] }>(
      request('/api/admin/audit'),
    );
    const actions = audit.entries.filter((e) => e.targetId === duplicate && e.action.includes('merge'));
    expect(actions.map((e) => [e.action, e.details]).sort()).toEqual([
      ['report.merge', { into: kept }],
      ['report.unmerge', { from: kept }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Tapachula');
  });

  it('merges into the kept report what was merged into the duplicate, keeping every code', async () => {
    const en = DUPLICATE_SAMPLES.en;
    const a = await submit({ barriers: en.original });
    const b = await submit({ barriers: en.resent });
    const c = await submit({ barriers: en.reworded });
    const request = as(admin);
    await json(request(`/api/admin/reports/${c}/merge`, { method: 'POST', json: { into: b } }));
    const result = await json<TMergeResult>(
      request(`/api/admin/reports/${b}/merge`, { method: 'POST', json: { into: a } }),
    );
    expect(result.kept.mergedReports.map((r) => r.id).sort()).toEqual([b, c].sort());
    const list = await json<TAdminReportList>(request('/api/admin/reports'));
    expect(list.reports.map((r) => r.id)).toEqual([a]);
  });

  it('refuses a merge or an unmerge touching a report outside the coordinator’s scope, and changes nothing', async () => {
    const fr = DUPLICATE_SAMPLES.fr;
    const inEurope = await submit({
      language: 'fr',
      barriers: fr.original,
      region: 'europe',
      countries: ['FR'],
      corridor: null,
    });
    const inEurope2 = await submit({
      language: 'fr',
      barriers: fr.resent,
      region: 'europe',
      countries: ['FR'],
      corridor: null,
    });
    const inAfrica = await submit({ language: 'fr', barriers: fr.reworded });
    const request = as(europe);

    expect(
      (await request(`/api/admin/reports/${inEurope}/merge`, { method: 'POST', json: { into: inAfrica } })).status,
    ).toBe(403);
    expect(
      (await request(`/api/admin/reports/${inAfrica}/merge`, { method: 'POST', json: { into: inEurope } })).status,
    ).toBe(403);
    const rows = await stack.db.select({ mergedInto: tables.reports.mergedInto }).from(tables.reports);
    expect(rows.every((r) => r.mergedInto === null)).toBe(true);

    // Merged by an admin into the African report, the European one cannot be unmerged from Europe.
    await json(as(admin)(`/api/admin/reports/${inEurope2}/merge`, { method: 'POST', json: { into: inAfrica } }));
    expect((await request(`/api/admin/reports/${inEurope2}/merge`, { method: 'DELETE' })).status).toBe(403);
    await json(as(admin)(`/api/admin/reports/${inEurope2}/merge`, { method: 'DELETE' }));
    // Within their scope they merge.
    await json(request(`/api/admin/reports/${inEurope2}/merge`, { method: 'POST', json: { into: inEurope } }));
  });

  it('keeps merged reports apart in the data the brief is compiled from: the kept report included, the merged one pointing to it', async () => {
    const es = DUPLICATE_SAMPLES.es;
    const kept = await submit({ language: 'es', barriers: es.original });
    const duplicate = await submit({ language: 'es', barriers: es.reworded });
    const request = as(admin);
    for (const id of [kept, duplicate]) {
      await json(request(`/api/admin/reports/${id}`, { method: 'PATCH', json: { status: 'included' } }));
    }
    await json(request(`/api/admin/reports/${duplicate}/merge`, { method: 'POST', json: { into: kept } }));
    const rows = await stack.db
      .select({ id: tables.reports.id, status: tables.reports.status, mergedInto: tables.reports.mergedInto })
      .from(tables.reports);
    expect(rows.sort((x, y) => (x.id === kept ? -1 : y.id === kept ? 1 : 0))).toEqual([
      { id: kept, status: 'included', mergedInto: null },
      { id: duplicate, status: 'included', mergedInto: kept },
    ]);
  });

  // Needs W1's compile (merged reports counted under the one kept): fails on a compile that counts both.
  it('counts a merged pair once in the theme’s live compilation (needs the briefs workstream’s compile)', async () => {
    const es = DUPLICATE_SAMPLES.es;
    const kept = await submit({ language: 'es', barriers: es.original });
    const duplicate = await submit({ language: 'es', barriers: es.reworded });
    const request = as(admin);
    for (const id of [kept, duplicate]) {
      await json(request(`/api/admin/reports/${id}`, { method: 'PATCH', json: { status: 'included' } }));
    }
    await json(request(`/api/admin/reports/${duplicate}/merge`, { method: 'POST', json: { into: kept } }));
    const { compilation } = await json<{ compilation: TCompilation }>(request(`/api/admin/compilations/live/${THEME}`));
    expect(compilation.counts.total).toBe(1);
  });
});
