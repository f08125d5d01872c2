/**
 * Benchmark harness: `npm run bench` runs every benchmark, `npm run bench -- <name> [...]`
 * only those. Prints a table of this run's entries and merges them into bench-results.json
 * (by name; other entries are kept). Exits 0 even when a target is missed (the table says
 * FAIL), 1 when the harness or a benchmark itself fails.
 */
import path from 'node:path';
import { BENCHMARKS } from './benchmarks/index.js';
import { formatTable, recordResults, RESULTS_FILE } from './results.js';
import { killAllLoadGenerators } from './support/load.js';
import type { BenchEntry, Benchmark } from './types.js';

function usage(): string {
  const list = BENCHMARKS.map((b) => `  ${b.name.padEnd(28)} ${b.description}`).join('\n');
  return [
    'usage: npm run bench [-- <name> ...]    (no name: all)',
    '',
    'benchmarks:',
    list,
    '',
    'env: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS (default 100),',
    '     BENCH_DATABASE_URL or TEST_DATABASE_URL (also run against PostgreSQL)',
  ].join('\n');
}

function select(args: string[]): Benchmark[] {
  if (args.length === 0) return [...BENCHMARKS];
  const unknown = args.filter((a) => !BENCHMARKS.some((b) => b.name === a));
  if (unknown.length > 0) throw new Error(`unknown benchmark: ${unknown.join(', ')}\n\n${usage()}`);
  return BENCHMARKS.filter((b) => args.includes(b.name));
}

let interrupted = 0;
process.on('SIGINT', () => {
  // A terminal's Ctrl-C can reach this process twice (directly and relayed by tsx): only a
  // second press, a moment later, quits without cleaning up.
  if (interrupted && Date.now() - interrupted > 1000) process.exit(130);
  if (interrupted) return;
  interrupted = Date.now();
  console.error('\ninterrupted: stopping the load and cleaning up (Ctrl-C again to quit at once)');
  killAllLoadGenerators();
});

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h') || args.includes('--list')) {
    console.log(usage());
    return 0;
  }
  const selected = select(args);
  const fresh: BenchEntry[] = [];
  const broken: string[] = [];
  for (const benchmark of selected) {
    if (interrupted) break;
    console.error(`== ${benchmark.name}: ${benchmark.description}`);
    const started = Date.now();
    try {
      fresh.push(...(await benchmark.run()));
      console.error(`== ${benchmark.name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (err) {
      broken.push(benchmark.name);
      console.error(`== ${benchmark.name}: FAILED TO RUN`);
      console.error(err);
    }
  }

  if (fresh.length > 0) {
    const all = await recordResults(fresh);
    console.log(`\n${formatTable(fresh)}\n`);
    const kept = all.length - fresh.length;
    console.log(
      `wrote ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}: ${fresh.length} updated` +
        (kept > 0 ? `, ${kept} kept from earlier runs` : ''),
    );
  }
  if (broken.length > 0) console.error(`benchmarks that failed to run: ${broken.join(', ')}`);
  return broken.length > 0 || interrupted ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything has been closed; if a stray handle still holds the process, do not hang.
    setTimeout(() => {
      console.error('warning: handles still open 10 s after the benchmarks finished; exiting anyway');
      process.exit(code);
    }, 10_000).unref();
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
