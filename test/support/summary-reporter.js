import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Prints "N passed, N failed" as the last line, the plain closing line CI tooling reads.
// With RECORD_TEST_DURATIONS=1 it also writes each file's duration (ms) to test-durations.json,
// which the duration sequencer reads to start the longest files first on a clean checkout.
export default class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    if (process.env.RECORD_TEST_DURATIONS === '1') this.recordDurations(results);
    process.stdout.write(
      `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`,
    );
  }

  recordDurations(results) {
    // Merged into the record, so a run of a few files updates only those.
    const file = path.join(this.rootDir, 'test/support/test-durations.json');
    const durations = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    for (const result of results.testResults) {
      const { start, end } = result.perfStats;
      if (start && end) durations[path.relative(this.rootDir, result.testFilePath)] = end - start;
    }
    const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  }
}
