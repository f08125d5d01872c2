import {
  REGIONS,
  reportCode,
  type TCompilation,
  type TCompiledCountry,
  type TCompiledReport,
  type TCompiledTranslations,
  type TLanguage,
} from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { inThemeScope, reportScope } from '../access/report-scope.js';
import { loadBriefEditorial } from '../briefs/brief-editorial.js';
import { resolveEditorial } from '../briefs/resolve-editorial.js';

export type CompileOptions = {
  /** The coalition's name for the brief's cover (COALITION_NAME). */
  coalition?: string;
};

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
  options: CompileOptions = {},
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
    // A report merged into another (a near-duplicate) is counted once, as the one it was merged
    // into; the same pass over the theme's reports finds them (merged_into has no index of its
    // own, and a scan of every report for them would cost more than the compilation).
    .where(and(or(and(eq(r.status, 'included'), isNull(r.mergedInto)), isNotNull(r.mergedInto)), reportScope(viewer)))
    .orderBy(asc(r.region), asc(sql`${r.countries}->>0`), asc(r.createdAt), asc(r.id));
  const translations = await themeTranslations(db, themeSlug);
  const mergedNumbers = new Map<string, number[]>();
  for (const { reports: row } of rows) {
    if (row.mergedInto !== null)
      mergedNumbers.set(row.mergedInto, [...(mergedNumbers.get(row.mergedInto) ?? []), row.number]);
  }
  const merged = new Map(
    [...mergedNumbers].map(([kept, numbers]) => [kept, numbers.sort((a, b) => a - b).map(reportCode)] as const),
  );

  let withheld = 0;
  const byRegion = new Map<string, Map<string, TCompiledCountry>>();
  const languages = new Set<TLanguage>();
  const reportIds: string[] = [];
  const compiled: TCompiledReport[] = [];
  for (const { reports: row } of rows) {
    if (row.mergedInto !== null) continue;
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
      code: reportCode(row.number),
    };
    // A translation was made of the text as it was: once a coordinator redacted the report, the
    // translations may hold what was redacted, so a redacted report's brief gives its originals.
    const translated = redacted ? undefined : translations.get(row.id);
    if (translated) report.translations = translated;
    if (row.withdrawnAt !== null) {
      // A tombstone: the withdrawal erased its texts already; nothing of it but its place and code.
      Object.assign(report, { barriers: '', recommendations: '', source: '', attribution: null, withdrawn: true });
      delete report.translations;
    }
    const lineage = merged.get(row.id);
    if (lineage) report.mergedCodes = lineage;
    const countries = byRegion.get(row.region) ?? new Map<string, TCompiledCountry>();
    const [first = '', ...others] = [...new Set(row.countries)];
    groupOf(countries, first).reports.push(report);
    for (const other of others) {
      (groupOf(countries, other).seeAlso ??= []).push({ reportId: row.id, country: first, code: report.code });
    }
    byRegion.set(row.region, countries);
    languages.add(row.language);
    reportIds.push(row.id);
    compiled.push(report);
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
    layout: 2,
    coalition: options.coalition ?? 'Convene',
    editorial: resolveEditorial(await loadBriefEditorial(db, themeSlug), compiled),
  };
  return { compilation, reportIds };
}

/** The finished translations of the theme's reports, by report id (one query for the theme). */
async function themeTranslations(db: Db, themeSlug: string): Promise<Map<string, TCompiledTranslations>> {
  const t = tables.reportTranslations;
  const rows = await db
    .select({
      reportId: t.reportId,
      field: t.field,
      language: t.language,
      text: t.text,
      origin: t.origin,
      provider: t.provider,
      pivot: t.pivot,
      verifiedAt: t.verifiedAt,
    })
    .from(t)
    .innerJoin(
      tables.reportThemes,
      and(eq(tables.reportThemes.reportId, t.reportId), eq(tables.reportThemes.themeSlug, themeSlug)),
    )
    .where(and(eq(t.status, 'done'), isNotNull(t.text)))
    .orderBy(asc(t.reportId), asc(t.field), asc(t.language));
  const byReport = new Map<string, TCompiledTranslations>();
  for (const row of rows) {
    const fields = byReport.get(row.reportId) ?? {};
    (fields[row.field] ??= {})[row.language] = {
      text: row.text ?? '',
      origin: row.origin,
      verified: row.verifiedAt !== null,
      provider: row.provider,
      pivot: row.pivot,
    };
    byReport.set(row.reportId, fields);
  }
  return byReport;
}
