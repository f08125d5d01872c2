import { describe, expect, it } from '@jest/globals';
import { REGIONS } from '@convene/shared';
import fc from 'fast-check';
import { inReportScope } from '../services/access/report-scope.js';
import { reportRooms, scopeRooms } from './report-rooms.js';

const THEMES = ['smuggling-trafficking', 'human-rights-inclusion', 'labour-mobility', 'climate', 'returns'];
const region = fc.constantFrom(...REGIONS);
const theme = fc.constantFrom(...THEMES);
// As loadCoordinator gives them: null (everything) or a non-empty list.
const scope = <T>(item: fc.Arbitrary<T>) => fc.option(fc.uniqueArray(item, { minLength: 1 }), { nil: null });

describe('report rooms', () => {
  it('puts a coordinator and a report in a common room exactly when the report is in their scope', () => {
    fc.assert(
      fc.property(
        scope(region),
        scope(theme),
        region,
        fc.uniqueArray(theme, { minLength: 1 }),
        (regionScope, themeScope, reportRegion, themes) => {
          const coordinator = { regionScope, themeScope };
          const report = { region: reportRegion, themes };
          const joined = new Set(scopeRooms(coordinator));
          const shared = reportRooms(report).some((room) => joined.has(room));
          expect(shared).toBe(inReportScope({ id: 'x', email: 'x', role: 'coordinator', ...coordinator }, report));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives an Africa-only coordinator the Africa reports and not the Europe ones', () => {
    const joined = new Set(scopeRooms({ regionScope: ['africa'], themeScope: null }));
    const sees = (r: { region: (typeof REGIONS)[number]; themes: string[] }) =>
      reportRooms(r).some((room) => joined.has(room));
    expect(sees({ region: 'africa', themes: ['climate'] })).toBe(true);
    expect(sees({ region: 'europe', themes: ['climate'] })).toBe(false);
  });
});
