// A probe to preload into the processes a memory benchmark starts, to tell live memory from
// garbage V8 has not collected yet:
//   BENCH_CHILD_NODE_OPTIONS="--import ./test/bench/support/gc-probe.mjs" npm run bench -- memory_split_mode
// Every second it appends to $TMPDIR/convene-gc-probe-<pid>.jsonl: RSS, heap total and used,
// external memory, major GCs so far, and the heap used right after the last major GC (the live heap).
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const file = path.join(tmpdir(), `convene-gc-probe-${process.pid}.jsonl`);
const mb = (n) => Math.round(n / 1048576);
let majors = 0;
let liveAfterMajorMb = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    majors++;
    setImmediate(() => (liveAfterMajorMb = mb(process.memoryUsage().heapUsed)));
  }
}).observe({ entryTypes: ['gc'] });
setInterval(() => {
  const m = process.memoryUsage();
  const line = {
    t: Date.now(),
    argv: process.argv[1],
    rss: mb(m.rss),
    heapTotal: mb(m.heapTotal),
    heapUsed: mb(m.heapUsed),
  };
  appendFileSync(file, JSON.stringify({ ...line, external: mb(m.external), majors, liveAfterMajorMb }) + '\n');
}, 1000).unref();
