/** Run settings shared by the benchmarks, from the environment. */
export type BenchSettings = {
  /** Measured seconds per load (BENCH_DURATION, default 10). */
  durationSec: number;
  /** Unmeasured seconds before each measured load (BENCH_WARMUP, default 2). */
  warmupSec: number;
  /** Concurrent connections (BENCH_CONNECTIONS, default 100). */
  connections: number;
};

function positiveNumber(name: string, fallback: number, integer: boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a ${integer ? 'non-negative integer' : 'non-negative number'}, got "${raw}"`);
  }
  return value;
}

export function readSettings(): BenchSettings {
  const durationSec = positiveNumber('BENCH_DURATION', 10, false);
  if (durationSec < 1) throw new Error('BENCH_DURATION must be at least 1 second');
  const connections = positiveNumber('BENCH_CONNECTIONS', 100, true);
  if (connections < 1) throw new Error('BENCH_CONNECTIONS must be at least 1');
  return { durationSec, warmupSec: positiveNumber('BENCH_WARMUP', 2, false), connections };
}

/** Rounds for the results file (keeps it readable). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const MB = 1024 * 1024;
