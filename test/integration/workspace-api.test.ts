import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TAdminReport, TAdminReportList, TCompilation } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { createWebinarRow, registrationBody, reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';

describe.each(databaseKinds())('the coordinator workspace API (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;

  /** A request as the signed-in admin (cookie, and the CSRF header on writes). */
  const as =
    (session: CoordinatorSession) =>
    (path: string, init: RequestInit & { json?: unknown } = {}) =>
      stack.request(path, {
        ...init,
        headers: { ...session.headers, ...(init.headers as object) },
      });

  async function submit(overrides: Parameters<typeof reportBody>[0] = {}): Promise<string> {
    const body = reportBody({ themes: [{ slug: THEME, provenance: 'chosen' }], ...overrides });
    const res = await stack.request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const [row] = await stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(sql`${tables.reports.clientSubmissionId} = ${body.clientSubmissionId}`);
    return row!.id;
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    await stack.db.execute(sql`truncate table compilations, report_notes, audit_log`);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('searches reports in their own language, with stemming, and filters by theme, region, country and status', async () => {
    const fr = await submit({
      language: 'fr',
      region: 'europe',
      countries: ['FR'],
      corridor: null,
      barriers: 'Les personnes détenues au centre de rétention n’ont pas d’avocat.',
    });
    await submit({ language: 'en', barriers: 'Clinics refuse care without papers.', countries: ['LY'] });
    const request = as(admin);

    // "détention" finds "détenues" through French stemming; the English report does not match.
    const search = (await (await request('/api/admin/reports?q=d%C3%A9tenue')).json()) as TAdminReportList;
    expect(search.reports.map((r) => r.id)).toEqual([fr]);
    const byCountry = (await (await request('/api/admin/reports?country=FR&region=europe')).json()) as TAdminReportList;
    expect(byCountry.total).toBe(1);
    const byStatus = (await (
      await request(`/api/admin/reports?status=included&theme=${THEME}`)
    ).json()) as TAdminReportList;
    expect(byStatus.total).toBe(0);
    expect((await request('/api/admin/reports?status=bogus')).status).toBe(400);
  });

  it('changes status, re-tags with provenance, redacts (original for admins only) and keeps notes, each in the audit log', async () => {
    const id = await submit({ barriers: 'Amina (tel +33 6 12 34 56 78) was detained for 40 days.' });
    const request = as(admin);
    const patch = (json: unknown) => request(`/api/admin/reports/${id}`, { method: 'PATCH', json });

    expect((await patch({ status: 'reviewed' })).status).toBe(200);
    const retagged = (await (await patch({ themes: [{ slug: THEME }, { slug: 'drivers-of-migration' }] })).json()) as {
      report: TAdminReport;
    };
    expect(retagged.report.themes.map((t) => [t.slug, t.provenance]).sort()).toEqual([
      ['drivers-of-migration', 'coordinator'],
      [THEME, 'chosen'],
    ]);
    const redacted = (await (
      await patch({ redaction: { barriers: '[name] ([phone]) was detained for 40 days.' }, status: 'included' })
    ).json()) as { report: TAdminReport };
    expect(redacted.report).toMatchObject({
      status: 'included',
      redacted: true,
      barriers: '[name] ([phone]) was detained for 40 days.',
      original: { barriers: 'Amina (tel +33 6 12 34 56 78) was detained for 40 days.' },
    });
    const noted = await request(`/api/admin/reports/${id}/notes`, {
      method: 'POST',
      json: { text: 'Checked with the network.' },
    });
    expect(noted.status).toBe(201);
    expect(((await noted.json()) as { report: TAdminReport }).report.notes.map((n) => n.text)).toEqual([
      'Checked with the network.',
    ]);

    // A search does not find what the redaction removed.
    const search = (await (await request('/api/admin/reports?q=Amina')).json()) as TAdminReportList;
    expect(search.total).toBe(0);

    const audit = (await (await request('/api/admin/audit')).json()) as {
      entries: { action: string; targetId: string }[];
    };
    expect(
      audit.entries
        .filter((e) => e.targetId === id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['report.note', 'report.redact', 'report.status', 'report.status', 'report.themes']);
    expect(JSON.stringify(audit)).not.toContain('Amina');
  });

  it('compiles a theme from included reports only, redacted, attributed as consented, withholding coordinators-only ones', async () => {
    const request = as(admin);
    const include = (id: string, json: object = {}) =>
      request(`/api/admin/reports/${id}`, { method: 'PATCH', json: { status: 'included', ...json } });
    const attributed = await submit({
      reporter: { kind: 'named', organization: 'Caminantes' },
      consent: 'attributed',
      region: 'americas',
      countries: ['MX'],
      corridor: null,
      language: 'es',
      barriers: 'Secuestros en la ruta.',
    });
    const anonymized = await submit({
      reporter: { kind: 'named', organization: 'Hidden Org' },
      consent: 'anonymized',
      barriers: 'Original with a name: Omar.',
    });
    const withheld = await submit({ consent: 'coordinators_only', barriers: 'Only for coordinators.' });
    await submit({ barriers: 'Not included yet.' });
    await include(attributed);
    await include(anonymized, { redaction: { barriers: 'Original with a name: [name].' } });
    await include(withheld);

    const { compilation } = (await (await request(`/api/admin/compilations/live/${THEME}`)).json()) as {
      compilation: TCompilation;
    };
    const reports = compilation.regions.flatMap((r) => r.countries.flatMap((c) => c.reports));
    expect(reports.map((r) => r.barriers).sort()).toEqual(['Original with a name: [name].', 'Secuestros en la ruta.']);
    expect(reports.find((r) => r.reportId === attributed)?.attribution).toBe('Caminantes');
    expect(reports.find((r) => r.reportId === anonymized)?.attribution).toBeNull();
    expect(compilation.counts).toMatchObject({ total: 2, withheld: 1, byRegion: { africa: 1, americas: 1 } });
    expect(compilation.languages).toEqual(['en', 'es']);
    expect(compilation.number).toBeNull();
    expect(JSON.stringify(compilation)).not.toMatch(/Omar|Hidden Org|rosa@example.org|Only for coordinators/);
  });

  it('freezes numbered compilations whose exports are the same files every time, even after new reports and edits', async () => {
    const request = as(admin);
    const first = await submit({ barriers: '=HYPERLINK("http://evil.example","x") and +1 and -2 and @SUM(A1)' });
    await request(`/api/admin/reports/${first}`, { method: 'PATCH', json: { status: 'included' } });

    const frozen = await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } });
    expect(frozen.status).toBe(201);
    const { id, compilation } = (await frozen.json()) as { id: string; compilation: TCompilation };
    // Named by display name, never by email address: this account has none, so nobody is named.
    expect(compilation).toMatchObject({ number: 1, frozenBy: null, counts: { total: 1 } });

    const download = async (format: string) => {
      const res = await request(`/api/admin/compilations/${id}/export.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`compilation-${THEME}-1.${format}`);
      return Buffer.from(await res.arrayBuffer());
    };
    const before = Object.fromEntries(
      await Promise.all(['md', 'docx', 'csv', 'json'].map(async (f) => [f, await download(f)] as const)),
    );

    // Later: a new included report, a redaction of the frozen one, and a second freeze.
    const later = await submit({ barriers: 'Arrived after the freeze.' });
    await request(`/api/admin/reports/${later}`, { method: 'PATCH', json: { status: 'included' } });
    await request(`/api/admin/reports/${first}`, { method: 'PATCH', json: { redaction: { barriers: 'changed' } } });
    const second = (await (
      await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } })
    ).json()) as { compilation: TCompilation };
    expect(second.compilation).toMatchObject({ number: 2, counts: { total: 2 } });

    for (const format of ['md', 'docx', 'csv', 'json']) {
      expect((await download(format)).equals(before[format]!)).toBe(true);
    }

    // The CSV neutralizes formulas and parses back; the Word file is a real document.
    const csv = before.csv!.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]!.barriers).toBe(`'=HYPERLINK("http://evil.example","x") and +1 and -2 and @SUM(A1)`);
    const { value: text } = await mammoth.extractRawText({ buffer: before.docx! });
    expect(text).toContain('=HYPERLINK("http://evil.example","x")');
    expect(before.md!.toString('utf8')).not.toContain('Arrived after the freeze');

    const listed = (await (await request(`/api/admin/compilations?theme=${THEME}`)).json()) as {
      compilations: { number: number }[];
    };
    expect(listed.compilations.map((c) => c.number)).toEqual([2, 1]);
  });

  it('streams every matching report as CSV with formulas neutralized and the redacted text only', async () => {
    const request = as(admin);
    const id = await submit({ barriers: '@cmd|calc and a secret name: Yusuf' });
    await request(`/api/admin/reports/${id}`, { method: 'PATCH', json: { redaction: { barriers: '-redacted text' } } });
    await submit({ barriers: 'Tab\tinside, "quotes", and\r\nline breaks' });
    const res = await request('/api/admin/reports/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.barriers).sort()).toEqual([
      "'-redacted text",
      'Tab\tinside, "quotes", and\r\nline breaks',
    ]);
    expect(JSON.stringify(rows)).not.toContain('Yusuf');
  });

  it('lets an invited coordinator set a password once, within 72 hours, and sign in with the scope given', async () => {
    const request = as(admin);
    const invited = await request('/api/admin/accounts/invitations', {
      method: 'POST',
      json: { email: 'Nadia@Example.org', role: 'coordinator', regionScope: ['africa'] },
    });
    expect(invited.status).toBe(201);
    const { inviteUrl, account } = (await invited.json()) as {
      inviteUrl: string | null;
      account: { id: string; active: boolean };
    };
    expect(account.active).toBe(false);
    // SMTP is configured: the link is mailed, not shown to the admin.
    expect(inviteUrl).toBeNull();
    const token = await unmailedInvitationToken(stack.db, account.id);
    expect(await stack.db.select().from(tables.accountInvitations)).toEqual([
      expect.objectContaining({ tokenHash: expect.not.stringContaining(token) }),
    ]);

    // No sign-in before accepting.
    expect(
      (
        await stack.request('/api/auth/login', {
          method: 'POST',
          json: { email: 'nadia@example.org', password: 'whatever-password-1' },
        })
      ).status,
    ).toBe(401);
    const accept = (password: string) =>
      stack.request('/api/auth/invitation', { method: 'POST', json: { token, password } });
    expect((await accept('short')).status).toBe(400);
    expect((await accept('a long enough password')).status).toBe(204);
    expect((await accept('another long password')).status).toBe(410);

    const nadia = await signIn(stack, 'nadia@example.org', 'a long enough password');
    await submit({ region: 'europe', countries: ['FR'], corridor: null });
    const africa = await submit();
    const list = (await (await as(nadia)('/api/admin/reports')).json()) as TAdminReportList;
    expect(list.reports.map((r) => r.id)).toEqual([africa]);

    // Deactivated: the very next request is refused.
    await request(`/api/admin/accounts/${account.id}`, { method: 'PATCH', json: { active: false } });
    expect((await as(nadia)('/api/admin/reports')).status).toBe(401);
  });

  it("exports a webinar's registrants as CSV, formulas neutralized, and records webinar changes in the audit log", async () => {
    const request = as(admin);
    const webinar = await createWebinarRow(stack.db);
    const registered = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ name: '=1+2 Amina', organization: '@Network, "Dakar"' }),
    });
    expect(registered.status).toBe(201);
    const res = await request(`/api/admin/webinars/${webinar.id}/registrations.csv`);
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ name: "'=1+2 Amina", organization: `'@Network, "Dakar"`, status: 'confirmed' }),
    ]);

    await request(`/api/admin/webinars/${webinar.id}/cancel`, { method: 'POST', json: {} });
    const audit = (await (await request('/api/admin/audit')).json()) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(['webinar.cancel', 'webinar.export_registrants']);
  });

  it("narrows contacts and campaigns to a region-scoped coordinator's regions", async () => {
    const request = as(admin);
    await stack.db.execute(sql`truncate table contacts cascade`);
    const invited = (await (
      await request('/api/admin/accounts/invitations', {
        method: 'POST',
        json: { email: 'oumar@example.org', role: 'coordinator', regionScope: ['africa'] },
      })
    ).json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(stack.db, invited.account.id);
    await stack.request('/api/auth/invitation', {
      method: 'POST',
      json: { token, password: 'a long enough password' },
    });
    const oumar = as(await signIn(stack, 'oumar@example.org', 'a long enough password'));
    const [senegal, france] = await stack.db
      .insert(tables.contacts)
      .values(
        [
          ['awa@example.org', 'SN'],
          ['luc@example.org', 'FR'],
        ].map(([email, country]) => ({ email: email!, emailNormalized: email!, country, unsubscribeToken: email! })),
      )
      .returning();

    const listed = (await (await oumar('/api/admin/contacts')).json()) as { contacts: { email: string }[] };
    expect(listed.contacts.map((c) => c.email)).toEqual(['awa@example.org']);
    expect((await oumar(`/api/admin/contacts/${france!.id}`, { method: 'PATCH', json: { name: 'Luc' } })).status).toBe(
      403,
    );
    expect(
      (await oumar(`/api/admin/contacts/${senegal!.id}`, { method: 'PATCH', json: { country: 'FR' } })).status,
    ).toBe(403);
    expect((await oumar(`/api/admin/contacts/${senegal!.id}`, { method: 'PATCH', json: { name: 'Awa' } })).status).toBe(
      200,
    );

    const webinar = await createWebinarRow(stack.db);
    const preview = (segment: object) =>
      oumar('/api/admin/campaigns/preview', { method: 'POST', json: { webinarId: webinar.id, segment } });
    expect((await preview({ regions: ['europe'] })).status).toBe(403);
    const narrowed = (await (await preview({})).json()) as { audience: number };
    expect(narrowed.audience).toBe(1);
  });
});
