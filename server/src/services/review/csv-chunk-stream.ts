import { Transform } from 'node:stream';
import { CSV_BOM, csvLine } from '../compilations/csv-line.js';

/** About how much CSV text one chunk carries: a few dozen rows, not one stream chunk per row. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Rows in (object mode), CSV text out: the BOM and header first, then each row's cells as a
 * line, gathered into chunks of ≈64 KB. Back-pressure is the Transform's own: a row is taken
 * only when the response has room. One chunk per row would cost a stream write (and a
 * compression call) per row, which is what 100,000 rows spent most of their time on.
 */
export function csvChunkStream<Row>(header: readonly string[], cellsOf: (row: Row) => readonly string[]): Transform {
  let pending = CSV_BOM + csvLine(header);
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 1000,
    transform(row: Row, _encoding, callback) {
      try {
        pending += csvLine(cellsOf(row));
      } catch (err) {
        return callback(err as Error);
      }
      if (pending.length < CHUNK_CHARS) return callback();
      const chunk = pending;
      pending = '';
      callback(null, chunk);
    },
    flush(callback) {
      callback(null, pending.length > 0 ? pending : undefined);
    },
  });
}
