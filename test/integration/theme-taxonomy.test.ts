import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  seedThemeRows,
  type TAdminReport,
  type TAdminTheme,
  type TOverview,
  type TThemeKeywords,
  type TThemeList,
} from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { fillThemeContent, seedDatabase } from '../../server/src/services/seed/seed-database.js';
import { createWebinarRow, reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';
const PASSWORD = 'a long enough password for tests';

describe.each(databaseKinds())('the theme taxonomy editor (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let coordinator: CoordinatorSession;

  const as =
    (session: CoordinatorSession) =>
    (path: string, init: RequestInit & { json?: unknown } = {}) =>
      stack.request(path, { ...init, headers: { ...session.headers, ...(init.headers as object) } });
  const get = async <T>(path: string, session?: CoordinatorSession): Promise<T> => {
    const res = session ? await as(session)(path) : await stack.request(path);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const patchTheme = (slug: string, json: unknown, session = admin) =>
    as(session)(`/api/admin/themes/${slug}`, { method: 'PATCH', json });
  const publicThemes = async () => (await get<TThemeList>('/api/themes')).themes;
  const adminTheme = async (slug: string) =>
    (await get<{ themes: TAdminTheme[] }>('/api/admin/themes', admin)).themes.find((t) => t.slug === slug)!;
  const submit = (themes: unknown) =>
    stack.request('/api/reports', { method: 'POST', json: reportBody({ themes } as never) });

  /** Puts the seed taxonomy back as the first start leaves it (tests edit it). */
  async function resetTaxonomy(): Promise<void> {
    await stack.db.delete(tables.themes).where(sql`${tables.themes.slug} not in (select theme_slug from webinars)`);
    for (const row of seedThemeRows()) {
      await stack.db
        .insert(tables.themes)
        .values(row)
        .onConflictDoUpdate({ target: tables.themes.slug, set: { ...row, active: true } });
    }
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    const email = `coordinator.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await as(admin)('/api/admin/accounts/invitations', {
      method: 'POST',
      json: { email, role: 'coordinator' },
    });
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(stack.db, account.id);
    expect(
      (await stack.request('/api/auth/invitation', { method: 'POST', json: { token, password: PASSWORD } })).status,
    ).toBe(204);
    coordinator = await signIn(stack, email, PASSWORD);
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    await stack.db.execute(sql`truncate table audit_log`);
    await resetTaxonomy();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('seeds sub-topics and keywords into the database once, without overwriting edits, and the form lists report themes only', async () => {
    // As migration 0006 leaves an existing database: the columns null.
    await stack.db.update(tables.themes).set({ subtopics: null, keywords: null });
    await stack.db
      .update(tables.themes)
      .set({ keywords: { en: ['edited'] } })
      .where(eq(tables.themes.slug, THEME));
    // Two processes starting at once.
    await Promise.all([fillThemeContent(stack.db), seedDatabase(stack.db, { demo: false })]);
    await fillThemeContent(stack.db);

    const theme = await adminTheme(THEME);
    expect(theme.keywords).toEqual({ en: ['edited'] });
    expect(theme.subtopics.map((s) => s.slug)).toContain('detention');
    expect(theme.subtopics.find((s) => s.slug === 'detention')!.name).toMatchObject({
      en: 'Immigration detention',
      ar: expect.any(String),
    });
    const orientation = await adminTheme('orientation');
    expect(orientation).toMatchObject({ takesReports: false, subtopics: [], keywords: {} });

    const offered = await publicThemes();
    expect(offered.map((t) => t.slug)).not.toContain('orientation');
    expect(offered.map((t) => t.slug)).toContain(THEME);
    expect(offered.find((t) => t.slug === 'smuggling-trafficking')!.subtopics!.map((s) => s.slug)).toContain(
      'trafficking',
    );
    const { keywords } = await get<TThemeKeywords>('/api/themes/keywords');
    expect(Object.keys(keywords)).not.toContain('orientation');
    expect(keywords['drivers-of-migration']!.en).toContain('drought');
    // Orientation reports are refused: it is not a report theme.
    expect((await submit([{ slug: 'orientation', provenance: 'chosen' }])).status).toBe(400);
  });

  it('applies an edit of names, keywords and sub-topics to GET /api/themes, the keyword list and report validation at once', async () => {
    const before = await adminTheme(THEME);
    const res = await patchTheme(THEME, {
      name: { en: 'Rights and inclusion', fr: 'Droits et inclusion', es: '', ar: 'الحقوق والإدماج' },
      keywords: { ...before.keywords, en: [...(before.keywords.en ?? []), 'tenancy'] },
      subtopics: [
        ...before.subtopics.filter((s) => s.slug !== 'detention'),
        { slug: 'housing-evictions', name: { en: 'Housing and evictions', ar: 'السكن والإخلاء' } },
      ],
    });
    expect(res.status).toBe(200);
    const saved = ((await res.json()) as { theme: TAdminTheme }).theme;
    // Blank languages are dropped, not stored as empty names.
    expect(saved.name).toEqual({ en: 'Rights and inclusion', fr: 'Droits et inclusion', ar: 'الحقوق والإدماج' });

    const offered = (await publicThemes()).find((t) => t.slug === THEME)!;
    expect(offered.name.en).toBe('Rights and inclusion');
    expect(offered.subtopics!.map((s) => s.slug)).toContain('housing-evictions');
    expect(offered.subtopics!.map((s) => s.slug)).not.toContain('detention');
    const { keywords } = await get<TThemeKeywords>('/api/themes/keywords');
    expect(keywords[THEME]!.en).toContain('tenancy');

    // The new sub-topic is accepted, the removed one refused with a field error.
    expect((await submit([{ slug: THEME, subtopics: ['housing-evictions'], provenance: 'chosen' }])).status).toBe(201);
    const refused = await submit([{ slug: THEME, subtopics: ['detention'], provenance: 'chosen' }]);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { fields: Record<string, { code: string }> } }).error.fields).toEqual({
      'themes.0.subtopics.0': expect.objectContaining({ code: 'unknown_subtopic' }),
    });

    // Audited with ids and field names only.
    const [entry] = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, 'theme.update'));
    expect(entry).toMatchObject({
      targetType: 'theme',
      targetId: THEME,
      details: { fields: ['keywords', 'name', 'subtopics'] },
    });
    expect(JSON.stringify(entry!.details)).not.toContain('tenancy');
  });

  it('stops offering a deactivated theme, while its reports, their sub-topics and its webinars keep it', async () => {
    const accepted = await submit([
      { slug: 'drivers-of-migration', subtopics: ['climate-disasters'], provenance: 'chosen' },
    ]);
    expect(accepted.status).toBe(201);
    const webinar = await createWebinarRow(stack.db, { themeSlug: 'drivers-of-migration' });

    expect((await patchTheme('drivers-of-migration', { active: false, subtopics: [] })).status).toBe(200);
    expect((await publicThemes()).map((t) => t.slug)).not.toContain('drivers-of-migration');
    expect(Object.keys((await get<TThemeKeywords>('/api/themes/keywords')).keywords)).not.toContain(
      'drivers-of-migration',
    );
    expect((await submit([{ slug: 'drivers-of-migration', provenance: 'chosen' }])).status).toBe(400);

    const { reports } = await get<{ reports: TAdminReport[] }>('/api/admin/reports', admin);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.themes).toEqual([
      expect.objectContaining({ slug: 'drivers-of-migration', subtopics: ['climate-disasters'] }),
    ]);
    // Re-tagging in review may keep the deactivated theme and its removed sub-topic.
    const retag = await as(admin)(`/api/admin/reports/${reports[0]!.id}`, {
      method: 'PATCH',
      json: { themes: [{ slug: 'drivers-of-migration', subtopics: ['climate-disasters'] }, { slug: THEME }] },
    });
    expect(retag.status).toBe(200);
    const [kept] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinar.id));
    expect(kept!.themeSlug).toBe('drivers-of-migration');
    // Still named in the workspace.
    expect((await adminTheme('drivers-of-migration')).active).toBe(false);
  });

  it('creates a theme (English required), reorders the taxonomy, and refuses bad input with field errors', async () => {
    const request = as(admin);
    const created = await request('/api/admin/themes', {
      method: 'POST',
      json: {
        slug: 'urban-integration',
        name: { en: 'Cities and integration', fr: 'Villes et intégration' },
        description: { en: 'Local inclusion policies.' },
        keywords: { en: ['municipal'], fr: ['mairie'] },
        subtopics: [{ slug: 'local-services', name: { en: 'Local services' } }],
      },
    });
    expect(created.status).toBe(201);
    const theme = ((await created.json()) as { theme: TAdminTheme }).theme;
    expect(theme).toMatchObject({ kind: 'consultation', active: true, takesReports: true, position: 7 });
    expect((await publicThemes()).at(-1)!.slug).toBe('urban-integration');
    expect(
      (await submit([{ slug: 'urban-integration', subtopics: ['local-services'], provenance: 'chosen' }])).status,
    ).toBe(201);

    const duplicate = await request('/api/admin/themes', {
      method: 'POST',
      json: { slug: 'urban-integration', name: { en: 'Again' }, description: { en: 'Again' } },
    });
    expect(duplicate.status).toBe(409);

    const bad = await request('/api/admin/themes', {
      method: 'POST',
      json: {
        slug: 'Not A Slug',
        name: { fr: 'Seulement en français' },
        description: { en: 'x' },
        keywords: { en: ['ok', 'OK'], de: ['nein'] },
        subtopics: [
          { slug: 'same', name: { en: 'One' } },
          { slug: 'same', name: { en: 'Two' } },
        ],
      },
    });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; fields: Record<string, { code: string }> } };
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toMatchObject({
      slug: { code: 'invalid_slug' },
      'name.en': { code: 'required' },
      'keywords.en': { code: 'duplicate_values' },
      subtopics: { code: 'duplicate_values' },
    });
    expect(Object.keys(error.fields).some((f) => f.startsWith('keywords'))).toBe(true);
    expect((await patchTheme(THEME, {})).status).toBe(400);
    expect((await patchTheme('no-such-theme', { active: false })).status).toBe(404);
    expect(
      (await patchTheme(THEME, { keywords: { en: Array.from({ length: 61 }, (_, i) => `word${i}`) } })).status,
    ).toBe(400);

    const order = (await get<{ themes: TAdminTheme[] }>('/api/admin/themes', admin)).themes.map((t) => t.slug);
    const moved = [order[0]!, 'urban-integration', ...order.slice(1).filter((s) => s !== 'urban-integration')];
    const reordered = await request('/api/admin/themes/order', { method: 'POST', json: { slugs: moved } });
    expect(reordered.status).toBe(200);
    expect((await get<{ themes: TAdminTheme[] }>('/api/admin/themes', admin)).themes.map((t) => t.slug)).toEqual(moved);
    expect((await publicThemes())[0]!.slug).toBe('urban-integration');
    // A stale page that does not know every theme is refused, and the order stays.
    const stale = await request('/api/admin/themes/order', { method: 'POST', json: { slugs: moved.slice(1) } });
    expect(stale.status).toBe(409);
    expect((await get<{ themes: TAdminTheme[] }>('/api/admin/themes', admin)).themes.map((t) => t.slug)).toEqual(moved);
  });

  it('lets coordinators read the taxonomy but not change it (403)', async () => {
    const request = as(coordinator);
    expect((await request('/api/admin/themes')).status).toBe(200);
    const attempts = [
      await patchTheme(THEME, { active: false }, coordinator),
      await request('/api/admin/themes', {
        method: 'POST',
        json: { slug: 'rogue-theme', name: { en: 'Rogue' }, description: { en: 'Rogue' } },
      }),
      await request('/api/admin/themes/order', { method: 'POST', json: { slugs: [THEME] } }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    expect((await adminTheme(THEME)).active).toBe(true);
    expect((await stack.db.select().from(tables.themes).where(eq(tables.themes.slug, 'rogue-theme'))).length).toBe(0);
  });

  it('leaves the orientation out of the overview heat map, and keeps a deactivated theme there while it has reports', async () => {
    expect((await submit([{ slug: 'drivers-of-migration', provenance: 'chosen' }])).status).toBe(201);
    expect((await patchTheme('drivers-of-migration', { active: false })).status).toBe(200);
    expect((await patchTheme('cooperation-governance', { active: false })).status).toBe(200);
    const { coverage } = await get<TOverview>('/api/admin/overview', admin);
    const rows = coverage.themes.map((t) => t.slug);
    expect(rows).not.toContain('orientation');
    expect(rows).not.toContain('cooperation-governance');
    expect(rows).toContain('drivers-of-migration');
    expect(rows).toContain(THEME);
    expect(Object.keys(coverage.counts)).not.toContain('orientation');
    expect(coverage.counts['drivers-of-migration']!.africa).toBe(1);
  });
});
