import type { TRegion } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { inArray, sql } from 'drizzle-orm';

export type ReportCounts = { total: number; byTheme: Record<string, number>; region: number };

/**
 * The totals a dashboard shows next to a new report — all reports, its region, its themes —
 * in one statement: this runs on every report, between the commit and the live event.
 */
export async function reportCounts(db: Db, themes: string[], region: TRegion): Promise<ReportCounts> {
  const r = tables.reports;
  const rt = tables.reportThemes;
  const perTheme =
    themes.length === 0
      ? sql`'{}'::json`
      : sql`(select coalesce(json_object_agg(t.slug, t.n), '{}'::json) from (
          select ${rt.themeSlug} as slug, count(*)::int as n from ${rt}
          where ${inArray(rt.themeSlug, themes)} group by ${rt.themeSlug}) t)`;
  const result = await db.execute<{ total: number; region: number; by_theme: Record<string, number> | string }>(sql`
    select
      (select count(*)::int from ${r}) as total,
      (select count(*)::int from ${r} where ${r.region} = ${region}) as region,
      ${perTheme} as by_theme`);
  const row = (result as unknown as { rows: { total: number; region: number; by_theme: unknown }[] }).rows[0]!;
  const byTheme = typeof row.by_theme === 'string' ? JSON.parse(row.by_theme) : row.by_theme;
  return { total: Number(row.total), region: Number(row.region), byTheme: (byTheme ?? {}) as Record<string, number> };
}
