// Orders test files longest first, so that the two workers finish together instead of one
// starting a 90-second fault test while the other has nothing left. Jest's own sequencer does
// this from its cache of the last run on this machine; a clean CI checkout has no cache, so the
// durations of a recorded full run (test-durations.json, written by the summary reporter with
// RECORD_TEST_DURATIONS=1) stand in for it. Files not in the record (new since) go first, since
// nothing says they are short.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JestSequencer from '@jest/test-sequencer';

const Sequencer = JestSequencer.default ?? JestSequencer;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function recordedDurations() {
  try {
    return JSON.parse(readFileSync(path.join(root, 'test/support/test-durations.json'), 'utf8'));
  } catch {
    return {};
  }
}

export default class DurationSequencer extends Sequencer {
  sort(tests) {
    const recorded = recordedDurations();
    const duration = (test) => {
      const cached = this._getCache(test)[test.path]?.[1];
      if (typeof cached === 'number') return cached;
      const known = recorded[path.relative(root, test.path)];
      return typeof known === 'number' ? known : Number.POSITIVE_INFINITY;
    };
    return [...tests].sort((a, b) => duration(b) - duration(a) || (a.path < b.path ? -1 : 1));
  }
}
