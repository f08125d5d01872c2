// Prints "N passed, N failed" as the last line, the plain closing line CI tooling reads.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(
      `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`,
    );
  }
}
