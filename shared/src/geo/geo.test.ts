import { describe, expect, it } from '@jest/globals';
import { isValidTimeZone } from '../time/zones.js';
import { COUNTRY_CODES } from './countries.js';
import { mainZoneOf } from './country-zones.js';
import { regionOf } from './regions.js';

describe('country data', () => {
  it('gives every country a region and a main zone the runtime knows', () => {
    const missingRegion = COUNTRY_CODES.filter((c) => regionOf(c) === null);
    const badZone = COUNTRY_CODES.filter((c) => !mainZoneOf(c) || !isValidTimeZone(mainZoneOf(c)!));
    expect(missingRegion).toEqual([]);
    expect(badZone).toEqual([]);
    expect(regionOf('ke')).toBe('africa');
    expect(mainZoneOf('BR')).toBe('America/Sao_Paulo');
  });
});
