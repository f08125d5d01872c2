import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TPublication, TThemePage } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { createWebinarRow, reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';
const BARRIERS = 'Clinics ask for papers before treating children of undocumented parents.';

describe.each(databaseKinds())('published briefs on the theme page (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let compilationId: string;
  let number: number;

  const request = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(path, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });
  const page = async () => {
    const res = await stack.request(`/api/themes/${THEME}/page`);
    expect(res.status).toBe(200);
    return (await res.json()) as TThemePage;
  };
  const publication = async (method: 'POST' | 'DELETE') => {
    const res = await request(`/api/admin/compilations/${compilationId}/publication`, { method });
    expect(res.status).toBe(200);
    return ((await res.json()) as { publication: TPublication }).publication;
  };

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    await truncateActivity(stack.db);
    await stack.db.execute(sql`truncate table compilations cascade`);
    const body = reportBody({ themes: [{ slug: THEME, provenance: 'chosen' }], barriers: BARRIERS });
    expect((await stack.request('/api/reports', { method: 'POST', json: body })).status).toBe(201);
    const [row] = await stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    expect(
      (await request(`/api/admin/reports/${row!.id}`, { method: 'PATCH', json: { status: 'included' } })).status,
    ).toBe(200);
    const frozen = await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } });
    expect(frozen.status).toBe(201);
    const created = (await frozen.json()) as { id: string; compilation: { number: number } };
    compilationId = created.id;
    number = created.compilation.number;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('never exposes a frozen brief that is not published', async () => {
    expect((await page()).briefs).toEqual([]);
    expect((await stack.request(`/api/themes/${THEME}/briefs/${number}.md`)).status).toBe(404);
    expect((await stack.request(`/api/themes/${THEME}/briefs/${number}.docx`)).status).toBe(404);
    expect((await stack.request(`/api/themes/${THEME}/briefs/99.md`)).status).toBe(404);
    expect((await stack.request(`/api/themes/${THEME}/briefs/${number}.csv`)).status).toBe(404);
  });

  it('publishes a frozen brief (audited) and lists it on the theme page', async () => {
    const published = await publication('POST');
    expect(published).toMatchObject({ id: compilationId, themeSlug: THEME, number });
    expect(published.publishedAt).not.toBeNull();
    const { briefs } = await page();
    expect(briefs).toEqual([expect.objectContaining({ number, reports: 1, publishedAt: published.publishedAt })]);
    const audit = await stack.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, 'compilation.publish'));
    expect(audit.map((a) => a.targetId)).toEqual([compilationId]);
  });

  it('serves the published snapshot as Markdown and as Word, as attachments', async () => {
    const md = await stack.request(`/api/themes/${THEME}/briefs/${number}.md?lang=en`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe(`attachment; filename="brief-${THEME}-${number}.md"`);
    const text = await md.text();
    expect(text).toContain('Clinics ask for papers');
    // The frozen snapshot, as the workspace exports it, but never a coordinator's email address.
    const workspace = await (await request(`/api/admin/compilations/${compilationId}/export.md`)).text();
    expect(text).not.toContain('@convene');
    // Only the title line (who froze it) may differ.
    expect(text.split('\n').slice(1)).toEqual(workspace.split('\n').slice(1));

    const docx = await stack.request(`/api/themes/${THEME}/briefs/${number}.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(value).toContain('Clinics ask for papers');
    expect(value).not.toContain('@convene');
  });

  it('serves the snapshot, not the live reports, after a report changes', async () => {
    await stack.db.update(tables.reports).set({ barriers: 'Changed after freezing.' });
    const text = await (await stack.request(`/api/themes/${THEME}/briefs/${number}.md`)).text();
    expect(text).toContain('Clinics ask for papers');
    expect(text).not.toContain('Changed after freezing');
  });

  it('takes an unpublished brief off the page: its downloads are 404 again', async () => {
    const unpublished = await publication('DELETE');
    expect(unpublished.publishedAt).toBeNull();
    expect((await page()).briefs).toEqual([]);
    expect((await stack.request(`/api/themes/${THEME}/briefs/${number}.md`)).status).toBe(404);
    expect((await stack.request(`/api/themes/${THEME}/briefs/${number}.docx`)).status).toBe(404);
    const audit = await stack.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, 'compilation.unpublish'));
    expect(audit).toHaveLength(1);
  });

  it('refuses publishing without a session, and an unknown compilation is 404', async () => {
    const anonymous = await stack.request(`/api/admin/compilations/${compilationId}/publication`, { method: 'POST' });
    expect([401, 403]).toContain(anonymous.status);
    const unknown = await request('/api/admin/compilations/00000000-0000-4000-8000-000000000000/publication', {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
  });

  it('shows upcoming webinars, and completed ones with their recording only once completed', async () => {
    const upcoming = await createWebinarRow(stack.db, {
      themeSlug: THEME,
      recordingUrl: 'https://video.example.org/not-yet',
    });
    const done = await createWebinarRow(stack.db, {
      themeSlug: THEME,
      status: 'completed',
      startsAt: new Date(Date.now() - 7 * 24 * 3600_000),
      recordingUrl: 'https://video.example.org/recording-1',
    });
    await createWebinarRow(stack.db, { themeSlug: THEME, status: 'draft' });
    const result = await page();
    expect(result.theme.slug).toBe(THEME);
    expect(result.upcoming.map((w) => [w.id, w.recordingUrl])).toEqual([[upcoming.id, null]]);
    expect(result.completed.map((w) => [w.id, w.recordingUrl])).toEqual([
      [done.id, 'https://video.example.org/recording-1'],
    ]);
    expect(JSON.stringify(result)).not.toContain('secret-room');
  });

  it('answers 404 for a theme that does not exist', async () => {
    expect((await stack.request('/api/themes/no-such-theme/page')).status).toBe(404);
  });
});
