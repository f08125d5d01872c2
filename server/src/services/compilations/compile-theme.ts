import {
  REGIONS,
  type TCompilation,
  type TCompiledCountry,
  type TCompiledReport,
  type TLanguage,
} from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { inThemeScope, reportScope } from '../access/report-scope.js';

export type CompiledTheme = { compilation: TCompilation; reportIds: string[] };

/** The country's group in a region, made empty on first use. */
function groupOf(countries: Map<string, TCompiledCountry>, country: string): TCompiledCountry {
  let group = countries.get(country);
  if (!group) {
    group = { country, reports: [] };
    countries.set(country, group);
  }
  return group;
}

/**
 * A theme's included reports as a brief: grouped by region (in the geoscheme's order) then
 * by country — in full under a report's first country, as a cross-reference to it under each
 * of its others (so a brief about Senegal finds the report about Morocco and Senegal, and no
 * text is given twice) — the redacted texts where a coordinator redacted them, the
 * organization only where the reporter consented to attribution. Reports the reporter kept
 * for coordinators only are left out and counted. Live: `number` and `frozenAt` are null.
 */
export async function compileTheme(
  db: Db,
  themeSlug: string,
  viewer: Coordinator,
  now = new Date(),
): Promise<CompiledTheme> {
  if (!inThemeScope(viewer, themeSlug)) throw new AppError(403, 'forbidden', 'This theme is outside your scope');
  const [theme] = await db.select().from(tables.themes).where(eq(tables.themes.slug, themeSlug));
  if (!theme) throw AppError.notFound('Theme');

  const r = tables.reports;
  const rows = await db
    .select()
    .from(r)
    .innerJoin(
      tables.reportThemes,
      and(eq(tables.reportThemes.reportId, r.id), eq(tables.reportThemes.themeSlug, themeSlug)),
    )
    .where(and(eq(r.status, 'included'), reportScope(viewer)))
    .orderBy(asc(r.region), asc(sql`${r.countries}->>0`), asc(r.createdAt), asc(r.id));

  let withheld = 0;
  const byRegion = new Map<string, Map<string, TCompiledCountry>>();
  const languages = new Set<TLanguage>();
  const reportIds: string[] = [];
  for (const { reports: row } of rows) {
    if (row.consent === 'coordinators_only') {
      withheld += 1;
      continue;
    }
    const redacted = row.redactedAt !== null;
    const report: TCompiledReport = {
      reportId: row.id,
      language: row.language,
      region: row.region,
      countries: row.countries,
      corridor:
        row.corridorOrigin && row.corridorDestination
          ? { origin: row.corridorOrigin, destination: row.corridorDestination }
          : null,
      barriers: redacted ? (row.redactedBarriers ?? '') : row.barriers,
      recommendations: redacted ? (row.redactedRecommendations ?? '') : row.recommendations,
      source: redacted ? (row.redactedSource ?? '') : row.source,
      affectedGroups: row.affectedGroups as TCompiledReport['affectedGroups'],
      attribution: row.consent === 'attributed' && !row.anonymous ? row.organization : null,
      receivedAt: row.createdAt.toISOString(),
    };
    const countries = byRegion.get(row.region) ?? new Map<string, TCompiledCountry>();
    const [first = '', ...others] = [...new Set(row.countries)];
    groupOf(countries, first).reports.push(report);
    for (const other of others) {
      (groupOf(countries, other).seeAlso ??= []).push({ reportId: row.id, country: first });
    }
    byRegion.set(row.region, countries);
    languages.add(row.language);
    reportIds.push(row.id);
  }

  const regions = REGIONS.filter((region) => byRegion.has(region)).map((region) => {
    const countries = [...byRegion.get(region)!.values()].sort((a, b) => a.country.localeCompare(b.country));
    // A report is given in full once, under its first country: these count it once in its region.
    return { region, count: countries.reduce((n, c) => n + c.reports.length, 0), countries };
  });
  const compilation: TCompilation = {
    themeSlug,
    themeName: theme.name as Record<string, string>,
    number: null,
    frozenAt: null,
    frozenBy: null,
    compiledAt: now.toISOString(),
    counts: {
      total: reportIds.length,
      byRegion: Object.fromEntries(regions.map((g) => [g.region, g.count])),
      byCountry: Object.fromEntries(
        regions
          .flatMap((g) => g.countries.map((c) => [c.country, c.reports.length + (c.seeAlso?.length ?? 0)] as const))
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
      withheld,
    },
    languages: [...languages].sort(),
    regions,
  };
  return { compilation, reportIds };
}
