import type { TAdminReportList, TReportFilter } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';
import { reportScope } from '../access/report-scope.js';
import { countReportCountries } from './count-report-countries.js';
import { reportExtras, toAdminReport } from './report-view.js';

const SEARCH_CONFIGS = ['english', 'french', 'spanish', 'arabic', 'simple'] as const;

/**
 * Full-text search in every catalog language's stemming at once: the query's language is
 * unknown, and constant queries let PostgreSQL use the GIN index on `search`.
 */
export function searchCondition(q: string): SQL {
  const matches = SEARCH_CONFIGS.map(
    (config) => sql`${sql.raw('"reports"."search"')} @@ websearch_to_tsquery(${config}::regconfig, ${q})`,
  );
  return sql`(${sql.join(matches, sql` or `)})`;
}

/** The day after a date ("2027-03-01" → before 2027-03-02), or the instant itself. */
function endOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000) : new Date(value);
}

/** The conditions of a filter, within the coordinator's scope. */
export function reportConditions(filter: Omit<TReportFilter, 'page' | 'pageSize'>, viewer: Coordinator) {
  const conditions: (SQL | undefined)[] = [reportScope(viewer)];
  const r = tables.reports;
  if (filter.region) conditions.push(eq(r.region, filter.region));
  if (filter.language) conditions.push(eq(r.language, filter.language));
  if (filter.status) conditions.push(eq(r.status, filter.status));
  if (filter.country) conditions.push(sql`${r.countries} @> ${JSON.stringify([filter.country])}::jsonb`);
  if (filter.from) conditions.push(gte(r.createdAt, new Date(filter.from)));
  if (filter.to) conditions.push(lt(r.createdAt, endOf(filter.to)));
  if (filter.theme) {
    conditions.push(
      sql`exists (select 1 from ${tables.reportThemes} where ${tables.reportThemes.reportId} = ${r.id} and ${tables.reportThemes.themeSlug} = ${filter.theme})`,
    );
  }
  if (filter.webinar) {
    conditions.push(
      sql`${r.webinarId} = (select ${tables.webinars.id} from ${tables.webinars} where ${tables.webinars.slug} = ${filter.webinar})`,
    );
  }
  if (filter.q) conditions.push(searchCondition(filter.q));
  return and(...conditions);
}

/** One page of reports, newest first (best match first when searching), and counts per country of all of them. */
export async function listReports(db: Db, filter: TReportFilter, viewer: Coordinator): Promise<TAdminReportList> {
  const where = reportConditions(filter, viewer);
  const r = tables.reports;
  const order = filter.q
    ? [
        desc(
          sql`ts_rank(${sql.raw('"reports"."search"')}, websearch_to_tsquery(report_search_config(${r.language}), ${filter.q}))`,
        ),
        desc(r.createdAt),
      ]
    : [desc(r.createdAt), desc(r.id)];
  const [rows, [total], byCountry] = await Promise.all([
    db
      .select()
      .from(r)
      .where(where)
      .orderBy(...order)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(r).where(where),
    countReportCountries(db, where),
  ]);
  const extras = await reportExtras(
    db,
    rows.map((row) => row.id),
  );
  return {
    reports: rows.map((row) =>
      toAdminReport(
        row,
        { themes: extras.themes.get(row.id) ?? [], webinarSlug: extras.webinars.get(row.id) ?? null, notes: [] },
        viewer,
      ),
    ),
    total: total?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    byCountry,
  };
}
