import { parseReportCode, type TAdminReportList, type TReportFilter } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';
import { reportScope } from '../access/report-scope.js';
import { countReportCountries } from './count-report-countries.js';
import { findDuplicates } from './duplicates.js';
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

/**
 * The report numbers a search names when it is made of report codes only ("R-0042",
 * "R-0042, r-43"), else null: such a search looks the reports up by code, not in the texts.
 */
export function searchedCodes(q: string | undefined): number[] | null {
  const tokens = (q ?? '').split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const numbers = tokens.map(parseReportCode);
  return numbers.every((n): n is number => n !== null) ? numbers : null;
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
  const codes = searchedCodes(filter.q);
  if (codes) conditions.push(inArray(r.number, codes));
  else if (filter.q) conditions.push(searchCondition(filter.q));
  // Merged reports count under the one kept: hidden unless asked for, or named by their code.
  const merged = filter.merged ?? (codes ? 'include' : 'exclude');
  if (merged === 'exclude') conditions.push(isNull(r.mergedInto));
  if (merged === 'only') conditions.push(isNotNull(r.mergedInto));
  if (filter.withdrawn === 'exclude') conditions.push(isNull(r.withdrawnAt));
  if (filter.withdrawn === 'only') conditions.push(isNotNull(r.withdrawnAt));
  return and(...conditions);
}

/** One page of reports, newest first (best match first when searching), and counts per country of all of them. */
export async function listReports(db: Db, filter: TReportFilter, viewer: Coordinator): Promise<TAdminReportList> {
  const where = reportConditions(filter, viewer);
  const r = tables.reports;
  const order =
    filter.q && !searchedCodes(filter.q)
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
  const ids = rows.map((row) => row.id);
  const [extras, duplicates] = await Promise.all([reportExtras(db, ids), findDuplicates(db, ids, viewer)]);
  return {
    reports: rows.map((row) =>
      toAdminReport(
        row,
        {
          themes: extras.themes.get(row.id) ?? [],
          webinarSlug: extras.webinars.get(row.id) ?? null,
          notes: [],
          lineage: extras.lineage.get(row.id),
          duplicates: duplicates.get(row.id) ?? [],
        },
        viewer,
      ),
    ),
    total: total?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    byCountry,
  };
}
