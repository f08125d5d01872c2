import { describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { CSV_BOM, csvLine } from './csv-line.js';
import { CSV_OPTIONS } from './render-csv.js';

// What a record may hold: quotes, separators, lone and paired line breaks, RTL text, empties.
const PIECES = ['', 'a', ',', '"', '""', '\r', '\n', '\r\n', ' ', "'", 'يُحتجز', 'é', '→', ';', '\t', 'x y'];

/** Deterministic cells built from PIECES (a small LCG), so a failure is reproducible. */
function cellsOf(seed: number, count: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 5 }, () => PIECES[next() % PIECES.length]).join(''),
  );
}

describe('csvLine', () => {
  it('writes every record exactly as csv-stringify with CSV_OPTIONS does', () => {
    const records = Array.from({ length: 2000 }, (_, i) => cellsOf(i + 1, 1 + (i % 17)));
    const ours = CSV_BOM + records.map(csvLine).join('');
    expect(ours).toBe(stringify(records, CSV_OPTIONS));
  });

  it.each([
    [['plain', 'two'], 'plain,two\r\n'],
    [['', ''], ',\r\n'],
    [['a,b'], '"a,b"\r\n'],
    [['say "hi"'], '"say ""hi"""\r\n'],
    [['line\nbreak'], '"line\nbreak"\r\n'],
    [['lone\rcr'], '"lone\rcr"\r\n'],
  ])('quotes only what needs it: %j', (cells, expected) => {
    expect(csvLine(cells)).toBe(expected);
    expect(stringify([cells], { ...CSV_OPTIONS, bom: false })).toBe(expected);
  });
});
