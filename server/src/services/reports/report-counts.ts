import type { TRegion } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { count, eq, inArray } from 'drizzle-orm';

export type ReportCounts = { total: number; byTheme: Record<string, number>; region: number };

/** The totals a dashboard shows next to a new report: all reports, its themes, its region. */
export async function reportCounts(db: Db, themes: string[], region: TRegion): Promise<ReportCounts> {
  const [[total], [inRegion], perTheme] = await Promise.all([
    db.select({ n: count() }).from(tables.reports),
    db.select({ n: count() }).from(tables.reports).where(eq(tables.reports.region, region)),
    themes.length === 0
      ? Promise.resolve([])
      : db
          .select({ slug: tables.reportThemes.themeSlug, n: count() })
          .from(tables.reportThemes)
          .where(inArray(tables.reportThemes.themeSlug, themes))
          .groupBy(tables.reportThemes.themeSlug),
  ]);
  return {
    total: total?.n ?? 0,
    region: inRegion?.n ?? 0,
    byTheme: Object.fromEntries(perTheme.map((r) => [r.slug, r.n])),
  };
}
