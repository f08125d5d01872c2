/**
 * compile_theme_vs_sql: compiling one theme's brief out of 100,000 reports with the server's
 * own service, compileTheme(db, theme, admin), against a raw SQL select of the same rows
 * (joined to the theme, status included, in the brief's order) through the same database
 * handle. The theme compiled is the one with the most included reports. Warm-up once each,
 * then five rounds, compile then SQL; value and baseline are the medians. Rendering that
 * compilation, frozen as freezeCompilation would store it, to Markdown and DOCX with
 * renderExport is timed too (details).
 *
 * The corpus (support/report-corpus.ts) is shared with csv_export_100k within a run.
 * PGlite always; also PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 * (entry compile_theme_vs_sql_postgres).
 */
import { cpus, loadavg } from 'node:os';
import type { TCompilation } from '@convene/shared';
import { sql } from 'drizzle-orm';
import type { Coordinator } from '../../../server/src/services/access/coordinator.js';
import { compileTheme } from '../../../server/src/services/compilations/compile-theme.js';
import { renderExport } from '../../../server/src/services/compilations/render-export.js';
import { entryName, log, percentile } from '../support/platform.js';
import { collectGarbage, onEachCorpus, type Corpus } from '../support/report-corpus.js';
import { MB, round } from '../support/settings.js';
import type { BenchEntry, Benchmark } from '../types.js';

const NAME = 'compile_theme_vs_sql';
const RUNS = 5;
const RENDER_RUNS = 3;
const MAX_RATIO = 3;
const TARGET = `<= ${MAX_RATIO}x`;

/** The columns compileTheme reads: every column of the drizzle schema of both tables. */
const SCHEMA_COLUMNS_SQL = sql.raw(
  [
    'r.id',
    'r.client_submission_id',
    'r.receipt_code',
    'r.language',
    'r.anonymous',
    'r.organization',
    'r.contact_name',
    'r.contact_email',
    'r.region',
    'r.countries',
    'r.corridor_origin',
    'r.corridor_destination',
    'r.barriers',
    'r.recommendations',
    'r.affected_groups',
    'r.source',
    'r.consent',
    'r.webinar_id',
    'r.status',
    'r.redacted_barriers',
    'r.redacted_recommendations',
    'r.redacted_source',
    'r.redacted_at',
    'r.redacted_by',
    'r.created_at',
    'r.updated_at',
    't.report_id',
    't.theme_slug',
    't.subtopics',
    't.provenance',
    't.created_at',
  ].join(', '),
);

const ORDER_SQL = sql.raw('order by r.region, r.countries->>0, r.created_at, r.id');

type Timed<T> = { ms: number; result: T };

async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

const median = (values: number[]) =>
  round(
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    ),
    1,
  );
const ms = (values: number[]) => values.map((v) => round(v, 1));

async function benchCompile(corpus: Corpus): Promise<BenchEntry> {
  const { kind, stack, admin, stats } = corpus;
  const name = entryName(NAME, kind);
  const db = stack.db;
  const viewer: Coordinator = { id: admin.id, email: admin.email, role: 'admin', regionScope: null, themeScope: null };
  const [themeSlug, expected] = Object.entries(stats.includedByTheme).sort(([, a], [, b]) => b - a)[0]!;

  const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;
  // The product's columns (its drizzle schema: not the generated `search` tsvector).
  const rawSelect = () =>
    db.execute(
      sql`select ${SCHEMA_COLUMNS_SQL} from reports r join report_themes t on t.report_id = r.id and t.theme_slug = ${themeSlug} where r.status = 'included' ${ORDER_SQL}`,
    );
  // `select r.*`, as written in the brief: it also ships the generated `search` tsvector.
  const rawSelectStar = () =>
    db.execute(
      sql`select r.* from reports r join report_themes t on t.report_id = r.id and t.theme_slug = ${themeSlug} where r.status = 'included' ${ORDER_SQL}`,
    );

  log(`${name}: theme ${themeSlug}, ${expected} included reports; warm-up`);
  const warmCompile = await timed(() => compileTheme(db, themeSlug, viewer));
  const warmSql = await timed(rawSelect);
  const sqlRows = rowsOf(warmSql.result).length;
  const { compilation, reportIds } = warmCompile.result;
  if (sqlRows !== expected) throw new Error(`raw select returned ${sqlRows} rows, ${expected} expected`);
  if (compilation.counts.total + compilation.counts.withheld !== expected) {
    throw new Error(
      `compilation has ${compilation.counts.total} + ${compilation.counts.withheld} withheld reports, ${expected} expected`,
    );
  }

  const compileMs: number[] = [];
  const sqlMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    collectGarbage();
    compileMs.push((await timed(() => compileTheme(db, themeSlug, viewer))).ms);
    collectGarbage();
    sqlMs.push((await timed(rawSelect)).ms);
  }
  collectGarbage();
  await rawSelectStar();
  const starMs: number[] = [];
  for (let i = 0; i < RUNS; i++) starMs.push((await timed(rawSelectStar)).ms);
  const compileMedian = median(compileMs);
  const sqlMedian = median(sqlMs);
  log(`${name}: compile ${compileMedian} ms, raw select ${sqlMedian} ms (r.* ${median(starMs)} ms)`);

  // The compilation as freezeCompilation stores it, then rendered as the export routes do.
  const frozen: TCompilation = {
    ...compilation,
    number: 1,
    frozenAt: new Date().toISOString(),
    frozenBy: admin.email,
  };
  const render = async (format: 'md' | 'docx') => {
    collectGarbage();
    const first = await timed(() => renderExport(frozen, format));
    const runs: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) runs.push((await timed(() => renderExport(frozen, format))).ms);
    return { firstMs: round(first.ms, 1), medianMs: median(runs), runsMs: ms(runs), bytes: first.result.body.length };
  };
  const markdown = await render('md');
  log(`${name}: Markdown ${markdown.medianMs} ms (${round(markdown.bytes / MB, 1)} MB)`);
  const docx = await render('docx');
  log(`${name}: DOCX ${docx.medianMs} ms (${round(docx.bytes / MB, 1)} MB)`);

  const ratio = sqlMedian > 0 ? compileMedian / sqlMedian : null;
  return {
    name,
    value: compileMedian,
    unit: 'ms',
    baseline: sqlMedian,
    ratio: ratio === null ? null : round(ratio, 2),
    target: TARGET,
    pass: ratio !== null && ratio <= MAX_RATIO,
    details: {
      database: kind,
      theme: themeSlug,
      rowsSelected: expected,
      compiledReports: compilation.counts.total,
      withheldCoordinatorsOnly: compilation.counts.withheld,
      reportIds: reportIds.length,
      regions: compilation.regions.length,
      countries: Object.keys(compilation.counts.byCountry).length,
      compileMs: { median: compileMedian, runs: ms(compileMs), warmUp: round(warmCompile.ms, 1) },
      rawSelectMs: { median: sqlMedian, runs: ms(sqlMs), warmUp: round(warmSql.ms, 1) },
      rawSelectStarMs: { median: median(starMs), runs: ms(starMs) },
      renderMarkdown: markdown,
      renderDocx: docx,
      corpus: {
        reports: stats.reports,
        reportThemes: stats.reportThemes,
        byStatus: stats.byStatus,
        byConsent: stats.byConsent,
        byLanguage: stats.byLanguage,
        byRegion: stats.byRegion,
        countries: stats.countries,
        redacted: stats.redacted,
        anonymous: stats.anonymous,
        includedByTheme: stats.includedByTheme,
        textMb: round(stats.textChars / MB, 1),
        generationMs: stats.generationMs,
        vacuumAnalyzeMs: stats.analyzeMs,
      },
      gcBetweenRuns: collectGarbage(),
      cpus: cpus().length,
      loadAverageAtEnd: loadavg().map((v) => round(v, 2)),
      node: process.version,
      measuredAt: new Date().toISOString(),
      note:
        'compileTheme(db, theme, admin) is the service behind the live compilation and freezing: one drizzle ' +
        'select of reports joined to report_themes (every schema column of both), status included, ordered by ' +
        'region, first country, received, id; then grouping by region and country, redacted texts, attribution ' +
        'only with consent, coordinators_only reports counted and left out. Baseline: the same join, filter and ' +
        "order as raw SQL through the same drizzle handle (db.execute), returning the same columns (the product's " +
        'schema columns; `select r.*` also ships the generated `search` tsvector, timed apart as rawSelectStarMs). ' +
        `Warm-up once each, then ${RUNS} rounds of compile then select (a full GC before each when available); ` +
        'medians. The theme is the one with the most included reports. Renders: renderExport of that ' +
        `compilation frozen (number 1), first call then median of ${RENDER_RUNS}. Corpus: 100,000 reports written ` +
        'directly (see support/report-corpus.ts) then VACUUM ANALYZE; PGlite runs in this process.',
    },
  };
}

export const compileThemeVsSql: Benchmark = {
  name: NAME,
  description: 'compileTheme of one theme over 100,000 reports vs a raw SQL select of the same rows',
  run: () => onEachCorpus(benchCompile),
};
