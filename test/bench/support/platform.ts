import { cpus } from 'node:os';
/** Helpers shared by the benchmarks that run the whole platform (mail pipeline benchmarks). */
import { performance } from 'node:perf_hooks';
import { startTestStack, type TestStack } from '../../support/stack.js';
import type { DbKind } from '../../support/test-database.js';
import { MB, round } from './settings.js';

/** The worker's production default; BENCH_WORKER_CONCURRENCY overrides it for the mail benchmarks. */
export const DEFAULT_WORKER_CONCURRENCY = 10;

/** Mail jobs at once per worker for the mail benchmarks (BENCH_WORKER_CONCURRENCY, default 10). */
export function workerConcurrency(): number {
  const raw = process.env.BENCH_WORKER_CONCURRENCY;
  if (raw === undefined || raw.trim() === '') return DEFAULT_WORKER_CONCURRENCY;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 200) {
    throw new Error(`BENCH_WORKER_CONCURRENCY must be an integer from 1 to 200, got "${raw}"`);
  }
  return value;
}

/** The PostgreSQL server to create a throw-away database on, if any. */
export function postgresAdminUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

/** PGlite always; PostgreSQL too when a URL is set. */
export function databaseKinds(): DbKind[] {
  return postgresAdminUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

/** Entry name for a database: the bare name for PGlite, `<name>_postgres` for PostgreSQL. */
export function entryName(name: string, kind: DbKind): string {
  return kind === 'pglite' ? name : `${name}_${kind}`;
}

/**
 * The platform (API and worker in this process, LOG_LEVEL=silent) on a fresh database of the
 * given kind, mailing through smtpUrl. For PostgreSQL, the throw-away database is created on
 * BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
export async function startPlatform(kind: DbKind, env: Record<string, string>): Promise<TestStack> {
  const options = { kind, smtp: false, env } as const;
  if (kind === 'pglite') return startTestStack(options);
  // createTestDatabase reads TEST_DATABASE_URL; point it at BENCH_DATABASE_URL for this call.
  const saved = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = postgresAdminUrl();
  try {
    return await startTestStack(options);
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
}

export function log(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

/** Nearest-rank percentile of already sorted values (0 when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

export type Distribution = {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
};

/** Summary of a list of numbers (ms), rounded to 0.1. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length > 0 ? sorted.reduce((s, v) => s + v, 0) / sorted.length : 0;
  return {
    count: sorted.length,
    min: round(sorted[0] ?? 0, 1),
    p50: round(percentile(sorted, 50), 1),
    p90: round(percentile(sorted, 90), 1),
    p99: round(percentile(sorted, 99), 1),
    max: round(sorted[sorted.length - 1] ?? 0, 1),
    mean: round(mean, 1),
  };
}

export type ProcessUsage = { rssPeakMb: number; rssEndMb: number; cpuCores: number; eventLoopUtilization: number };

/** Samples this process's RSS every 250 ms and its CPU and event-loop use, from start() to stop(). */
export function watchProcess(): { stop: () => ProcessUsage } {
  const cpuBefore = process.cpuUsage();
  const eluBefore = performance.eventLoopUtilization();
  const started = performance.now();
  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 250);
  return {
    stop: () => {
      clearInterval(sampler);
      const wallUs = (performance.now() - started) * 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const rss = process.memoryUsage.rss();
      return {
        rssPeakMb: round(Math.max(rssPeak, rss) / MB, 1),
        rssEndMb: round(rss / MB, 1),
        cpuCores: round((cpu.user + cpu.system) / wallUs, 2),
        eventLoopUtilization: round(performance.eventLoopUtilization(eluBefore).utilization, 3),
      };
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** How a benchmark note names the worker concurrency it ran with. */
export function concurrencyNote(concurrency: number): string {
  const source =
    concurrency === DEFAULT_WORKER_CONCURRENCY ? ' (the production default)' : ' (BENCH_WORKER_CONCURRENCY)';
  return `Worker concurrency ${concurrency}${source}; ${cpus().length} cores.`;
}
