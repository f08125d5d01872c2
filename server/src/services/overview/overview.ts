import { REGIONS, type TOverview } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, count, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';
import { reportScope } from '../access/report-scope.js';
import { reportExtras, toAdminReport } from '../review/report-view.js';

const DAY = 86_400_000;

/**
 * The workspace's first screen, within the coordinator's scope: registrations per webinar
 * (and language), reports per theme × region (where is input missing?), the latest
 * reports and reports per day over the last 30 days.
 */
export async function overview(db: Db, viewer: Coordinator, now = new Date()): Promise<TOverview> {
  // A withdrawn report is no longer anyone's input: it leaves the coverage, the counts and the
  // latest reports (its tombstone stays in the reports list, marked, and in briefs under its code).
  const scope = and(reportScope(viewer), isNull(tables.reports.withdrawnAt));
  const r = tables.reports;
  const since = new Date(Math.floor(now.getTime() / DAY) * DAY - 29 * DAY);

  const [webinars, registrationCounts, themes, coverageRows, recentRows, dayRows, [totalReports]] = await Promise.all([
    db.select().from(tables.webinars).where(ne(tables.webinars.status, 'draft')).orderBy(asc(tables.webinars.startsAt)),
    db
      .select({
        webinarId: tables.registrations.webinarId,
        status: tables.registrations.status,
        language: tables.registrations.language,
        n: count(),
      })
      .from(tables.registrations)
      .where(ne(tables.registrations.status, 'cancelled'))
      .groupBy(tables.registrations.webinarId, tables.registrations.status, tables.registrations.language),
    db.select().from(tables.themes).orderBy(asc(tables.themes.position), asc(tables.themes.slug)),
    db
      .select({ theme: tables.reportThemes.themeSlug, region: r.region, n: count() })
      .from(r)
      .innerJoin(tables.reportThemes, eq(tables.reportThemes.reportId, r.id))
      .where(scope)
      .groupBy(tables.reportThemes.themeSlug, r.region),
    db.select().from(r).where(scope).orderBy(desc(r.createdAt), desc(r.id)).limit(10),
    db
      .select({ day: sql<string>`to_char(${r.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`, n: count() })
      .from(r)
      .where(and(scope, gte(r.createdAt, since)))
      .groupBy(sql`1`),
    db.select({ n: count() }).from(r).where(scope),
  ]);

  const perWebinar = new Map<string, { confirmed: number; waitlisted: number; byLanguage: Record<string, number> }>();
  for (const row of registrationCounts) {
    const entry = perWebinar.get(row.webinarId) ?? { confirmed: 0, waitlisted: 0, byLanguage: {} };
    if (row.status === 'confirmed') entry.confirmed += row.n;
    if (row.status === 'waitlisted') entry.waitlisted += row.n;
    entry.byLanguage[row.language] = (entry.byLanguage[row.language] ?? 0) + row.n;
    perWebinar.set(row.webinarId, entry);
  }

  // Rows are themes that take reports (the orientation does not: it would be an always-empty
  // row); a deactivated theme stays while it holds reports, which keep it.
  const reported = new Set(coverageRows.map((row) => row.theme));
  const visibleThemes = themes.filter(
    (t) =>
      t.takesReports &&
      (t.active || reported.has(t.slug)) &&
      (!viewer.themeScope || viewer.themeScope.includes(t.slug)),
  );
  const counts: Record<string, Record<string, number>> = {};
  for (const theme of visibleThemes) counts[theme.slug] = Object.fromEntries(REGIONS.map((region) => [region, 0]));
  for (const row of coverageRows) if (counts[row.theme]) counts[row.theme]![row.region] = row.n;

  const extras = await reportExtras(
    db,
    recentRows.map((row) => row.id),
  );
  const perDay = new Map(dayRows.map((d) => [d.day, d.n]));

  return {
    registrations: webinars.map((w) => {
      const entry = perWebinar.get(w.id) ?? { confirmed: 0, waitlisted: 0, byLanguage: {} };
      return {
        webinarId: w.id,
        slug: w.slug,
        title: w.title,
        startsAt: w.startsAt.toISOString(),
        status: w.status,
        ...entry,
      };
    }),
    coverage: {
      themes: visibleThemes.map((t) => ({ slug: t.slug, name: t.name })),
      regions: viewer.regionScope ?? [...REGIONS],
      counts,
    },
    recent: recentRows.map((row) =>
      toAdminReport(
        row,
        {
          themes: extras.themes.get(row.id) ?? [],
          webinarSlug: extras.webinars.get(row.id) ?? null,
          notes: [],
          lineage: extras.lineage.get(row.id),
        },
        viewer,
      ),
    ),
    overTime: Array.from({ length: 30 }, (_, i) => {
      const day = new Date(since.getTime() + i * DAY).toISOString().slice(0, 10);
      return { day, count: perDay.get(day) ?? 0 };
    }),
    totals: {
      reports: totalReports?.n ?? 0,
      registrations: [...perWebinar.values()].reduce((n, e) => n + e.confirmed + e.waitlisted, 0),
    },
  };
}
