/**
 * brief_render_100k: the Word brief of the 100,000-report corpus's largest theme (the theme with
 * the most included reports), rendered as the export routes render a frozen brief: the
 * compilation compiled by compileTheme (codes, lineage, editorial), frozen (number 1), then
 * renderExport(…, 'docx', language) in English and in Arabic (the right-to-left one: every
 * paragraph bidirectional). Value: the English render's median time of 3 (after one first call);
 * baseline: the renderer of briefs frozen before briefs had languages (renderDocx, what the
 * issue measured at 6–9 s), on the same compilation. Memory: this process's RSS and heap
 * sampled every 50 ms during each render (the render runs in this process), peak minus before
 * (after a full GC), and the process's peak RSS (VmHWM) at the end. Reported, no hard target.
 *
 * The corpus (support/report-corpus.ts) is shared with compile_theme_vs_sql and csv_export_100k
 * within a run (keep them adjacent). PGlite always; also PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set (entry brief_render_100k_postgres).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { TCompilation, TLanguage } from '@convene/shared';
import type { Coordinator } from '../../../server/src/services/access/coordinator.js';
import { compileTheme } from '../../../server/src/services/compilations/compile-theme.js';
import { renderDocx } from '../../../server/src/services/compilations/render-docx.js';
import { renderExport } from '../../../server/src/services/compilations/render-export.js';
import { entryName, log, percentile } from '../support/platform.js';
import { collectGarbage, onEachCorpus, type Corpus } from '../support/report-corpus.js';
import { MB, round } from '../support/settings.js';
import type { BenchEntry, Benchmark, Json } from '../types.js';

const NAME = 'brief_render_100k';
const RUNS = 3;
const SAMPLE_MS = 50;

type Memory = { rss: number; heapUsed: number };

function sample(): Memory {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

/** The process's peak RSS so far (VmHWM), in MB; null off Linux. */
function peakRssMb(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? round(Number(match[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/** Runs fn while sampling memory; its time, bytes and peak growth over what was there before. */
async function measured(fn: () => Promise<Buffer>) {
  collectGarbage();
  const before = sample();
  const peak = { ...before };
  const take = () => {
    const now = sample();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  const timer = setInterval(take, SAMPLE_MS);
  const started = performance.now();
  try {
    const body = await fn();
    take();
    return {
      ms: performance.now() - started,
      bytes: body.length,
      rssGrowthMb: round((peak.rss - before.rss) / MB, 1),
      heapGrowthMb: round((peak.heapUsed - before.heapUsed) / MB, 1),
      rssBeforeMb: round(before.rss / MB, 1),
    };
  } finally {
    clearInterval(timer);
  }
}

type Measured = Awaited<ReturnType<typeof measured>>;

async function series(fn: () => Promise<Buffer>) {
  const first = await measured(fn);
  const runs: Measured[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measured(fn));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    medianMs: round(percentile(times, 50), 1),
    firstMs: round(first.ms, 1),
    runsMs: runs.map((r) => round(r.ms, 1)),
    mb: round(first.bytes / MB, 2),
    peakRssGrowthMb: Math.max(first.rssGrowthMb, ...runs.map((r) => r.rssGrowthMb)),
    peakHeapGrowthMb: Math.max(first.heapGrowthMb, ...runs.map((r) => r.heapGrowthMb)),
    rssBeforeMb: first.rssBeforeMb,
  };
}

async function benchRender(corpus: Corpus): Promise<BenchEntry> {
  const { kind, stack, admin, stats } = corpus;
  const name = entryName(NAME, kind);
  const viewer: Coordinator = { id: admin.id, email: admin.email, role: 'admin', regionScope: null, themeScope: null };
  const [themeSlug, included] = Object.entries(stats.includedByTheme).sort(([, a], [, b]) => b - a)[0]!;
  log(`${name}: theme ${themeSlug}, ${included} included reports; compiling`);
  const compileStarted = performance.now();
  const { compilation } = await compileTheme(stack.db, themeSlug, viewer);
  const compileMs = performance.now() - compileStarted;
  const frozen: TCompilation = { ...compilation, number: 1, frozenAt: new Date().toISOString(), frozenBy: 'Bench' };

  const docx = (language: TLanguage) => async () => (await renderExport(frozen, 'docx', language)).body;
  const en = await series(docx('en'));
  log(`${name}: English ${en.medianMs} ms (${en.mb} MB, heap +${en.peakHeapGrowthMb} MB)`);
  const ar = await series(docx('ar'));
  log(`${name}: Arabic ${ar.medianMs} ms (${ar.mb} MB)`);
  const legacy = await series(() => renderDocx(frozen));
  log(`${name}: renderer of old snapshots ${legacy.medianMs} ms`);

  const ratio = legacy.medianMs > 0 ? en.medianMs / legacy.medianMs : null;
  return {
    name,
    value: en.medianMs,
    unit: 'ms',
    baseline: legacy.medianMs,
    ratio: ratio === null ? null : round(ratio, 2),
    target: 'reported (time and peak memory)',
    pass: true,
    details: {
      database: kind,
      theme: themeSlug,
      compiledReports: compilation.counts.total,
      withheld: compilation.counts.withheld,
      compileMs: round(compileMs, 1),
      english: en as unknown as Json,
      arabic: ar as unknown as Json,
      legacyRenderer: legacy as unknown as Json,
      processPeakRssMb: peakRssMb(),
      gcBetweenRuns: collectGarbage(),
      cpus: cpus().length,
      loadAverageAtEnd: loadavg().map((v) => round(v, 2)),
      node: process.version,
      measuredAt: new Date().toISOString(),
      note:
        'renderExport(frozen, "docx", language) of the largest theme compiled by compileTheme and frozen as ' +
        'number 1: cover, contents, the summary with counts, every report in full with its code, the ' +
        'references table. Value: English median of 3 after a first call; baseline: renderDocx, the renderer ' +
        'of snapshots frozen before briefs had languages, on the same compilation. Memory sampled every 50 ms ' +
        'in this process (peak minus before, after a full GC); processPeakRssMb is VmHWM at the end, which ' +
        'includes the corpus generation. The corpus has no translations: every non-English text is given as ' +
        'its original, labelled.',
    },
  };
}

export const briefRender100k: Benchmark = {
  name: NAME,
  description: 'the Word brief of the 100,000-report corpus’s largest theme, in English and Arabic: time and memory',
  run: () => onEachCorpus(benchRender),
};
