import type { TCreateReport, TRegion } from '@convene/shared';
import type { Tx } from '@convene/shared/db';
import { sql } from 'drizzle-orm';

/** The totals a dashboard shows next to a new report: all reports, its region, its themes. */
export type ReportCounts = { total: number; byTheme: Record<string, number>; region: number };

/**
 * A new report's themes, inserted in the statement that also reads the dashboards' counts:
 * one round trip instead of two inside the report's transaction, which the live event waits
 * for. The statement's snapshot sees the report row (an earlier statement of the same
 * transaction) but not the themes its own CTE inserts: those are added from RETURNING.
 */
export async function insertReportThemes(
  tx: Tx,
  reportId: string,
  region: TRegion,
  themes: TCreateReport['themes'],
): Promise<ReportCounts> {
  const values = sql.join(
    themes.map(
      (t) => sql`(${reportId}::uuid, ${t.slug}, ${JSON.stringify(t.subtopics ?? [])}::jsonb, ${t.provenance})`,
    ),
    sql`, `,
  );
  const slugs = sql.join(
    themes.map((t) => sql`${t.slug}`),
    sql`, `,
  );
  const result = await tx.execute<{
    total: number;
    region: number;
    by_theme: Record<string, number> | string | null;
  }>(sql`
    with inserted as (
      insert into report_themes (report_id, theme_slug, subtopics, provenance) values ${values}
      returning theme_slug
    )
    select
      (select count(*)::int from reports) as total,
      (select count(*)::int from reports where region = ${region}) as region,
      (select json_object_agg(slug, n) from (
        select slug, count(*)::int as n from (
          select theme_slug as slug from report_themes where theme_slug in (${slugs})
          union all
          select theme_slug from inserted
        ) tagged group by slug
      ) per_theme) as by_theme`);
  const row = (result as unknown as { rows: { total: number; region: number; by_theme: unknown }[] }).rows[0]!;
  const byTheme = typeof row.by_theme === 'string' ? JSON.parse(row.by_theme) : row.by_theme;
  return { total: Number(row.total), region: Number(row.region), byTheme: (byTheme ?? {}) as Record<string, number> };
}
