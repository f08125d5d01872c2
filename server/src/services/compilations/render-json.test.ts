import { ZCompilation, type TCompilation } from '@convene/shared';
import { describe, expect, it } from '@jest/globals';
import { compilationFixture, compilationOf, compiledReport } from './compilation.fixture.js';
import { renderJson } from './render-json.js';

describe('renderJson', () => {
  it('parses back with ZCompilation into the compilation it was given', () => {
    const c = compilationFixture();
    expect(ZCompilation.parse(JSON.parse(renderJson(c)))).toEqual(c);
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    const json = renderJson(compilationFixture());
    expect(json.startsWith('{\n  "themeSlug": "access-to-justice",\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('}\n\n')).toBe(false);
  });

  it('gives the same text twice, and whatever order the snapshot keys were built in', () => {
    const c = compilationFixture();
    const shuffled = JSON.parse(
      JSON.stringify(c, (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as TCompilation;
    expect(Object.keys(shuffled)[0]).not.toBe('themeSlug');
    expect(renderJson(c)).toBe(renderJson(c));
    expect(renderJson(shuffled)).toBe(renderJson(c));
  });

  it('sorts the keys of maps (theme names, counts per region and country)', () => {
    const parsed = JSON.parse(renderJson(compilationFixture())) as TCompilation;
    expect(Object.keys(parsed.themeName)).toEqual(['ar', 'en', 'fr']);
    expect(Object.keys(parsed.counts.byCountry)).toEqual(['ES', 'FR', 'KE', 'NG', 'UG']);
    expect(Object.keys(parsed.regions[0]?.countries[0]?.reports[0] ?? {})).toEqual(
      // A report compiled before codes, translations, lineage and withdrawals has none of those keys, and gains none.
      Object.keys(ZCompilation.shape.regions.element.shape.countries.element.shape.reports.element.shape).filter(
        (key) => !['code', 'translations', 'mergedCodes', 'withdrawn'].includes(key),
      ),
    );
  });

  it('keeps the cross-references of a report about several countries, and writes none where there are none', () => {
    const parsed = JSON.parse(renderJson(compilationFixture())) as TCompilation;
    const africa = parsed.regions[0]!.countries;
    expect(africa.map((c) => [c.country, c.reports.length, c.seeAlso])).toEqual([
      ['KE', 2, undefined],
      ['NG', 1, undefined],
      ['UG', 0, [{ reportId: '00000000-0000-4000-8000-0000000000b2', country: 'KE' }]],
    ]);
    // A compilation frozen before cross-references existed keeps its bytes.
    expect(renderJson(compilationOf(compiledReport()))).not.toContain('seeAlso');
  });
});
