/** A JSON value, for the free-form details of a result entry. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * One line of bench-results.json. `value` is what the benchmark measured, `baseline` what it
 * is compared against (null when it has none), `ratio` = value / baseline.
 */
export type BenchEntry = {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  /** Human-readable target, e.g. ">= 0.5x, p99 <= 50 ms". */
  target: string;
  pass: boolean;
  /** Anything else worth keeping: latencies, error counts, settings, notes. */
  details?: { [key: string]: Json };
};

/**
 * A benchmark: one file under benchmarks/, listed in benchmarks/index.ts. run() starts what it
 * needs, measures, stops everything it started (also when it throws) and returns its entries;
 * it may return several (e.g. one per database).
 */
export type Benchmark = {
  /** Selects it on the command line: `npm run bench -- <name>`. */
  name: string;
  description: string;
  run: () => Promise<BenchEntry[]>;
};
