import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUPLICATE_THRESHOLD, LANGUAGES } from '@convene/shared';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { DUPLICATE_SAMPLES } from './duplicates.fixture.js';

/*
 * The threshold's measurement, kept as a test: the same pg_trgm similarity the review query
 * uses (PGlite's contrib build; PostgreSQL's gives the same figures), on the sample texts.
 */
describe('DUPLICATE_THRESHOLD', () => {
  let db: PGlite;
  const similarity = async (a: string, b: string) =>
    Number((await db.query<{ s: number }>('select similarity($1, $2) as s', [a, b])).rows[0]!.s);

  beforeAll(async () => {
    db = await PGlite.create({ extensions: { pg_trgm } });
    await db.exec('create extension pg_trgm');
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(LANGUAGES)(
    'flags a resent and a reworded copy in %s, and none of the unrelated reports',
    async (language) => {
      const s = DUPLICATE_SAMPLES[language];
      const copies = [s.original, s.resent, s.reworded];
      for (const [a, b] of [
        [s.original, s.resent],
        [s.original, s.reworded],
        [s.resent, s.reworded],
      ] as const) {
        expect(await similarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
      }
      for (const [i, other] of s.unrelated.entries()) {
        for (const text of [...copies, ...s.unrelated.slice(i + 1)]) {
          const score = await similarity(other, text);
          // The texts in the failure message say which pair crossed the line.
          expect({ other, text, flagged: score >= DUPLICATE_THRESHOLD }).toEqual({ other, text, flagged: false });
        }
      }
    },
  );
});
