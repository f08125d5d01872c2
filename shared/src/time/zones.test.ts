import { describe, expect, it } from '@jest/globals';
import { wallTimeToUtc } from './wall-time.js';
import { formatInstant, isValidTimeZone } from './zones.js';

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects made-up ones', () => {
    expect(isValidTimeZone('Africa/Nairobi')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Europe/Paris; DROP TABLE')).toBe(false);
  });
});

describe('formatInstant', () => {
  it('shows the local wall time of the reader and names the zone', () => {
    const f = formatInstant('2027-03-01T14:00:00Z', 'Asia/Kolkata', 'en');
    expect(f.dateTime).toContain('7:30');
    expect(f.zoneName).toBe('India Standard Time');
    expect(f.full).toContain('(Asia/Kolkata)');
  });

  it('uses the reader language', () => {
    const f = formatInstant('2027-03-01T14:00:00Z', 'Europe/Madrid', 'es');
    expect(f.dateTime).toContain('15:00');
    expect(f.dateTime.toLowerCase()).toContain('marzo');
  });
});

describe('wallTimeToUtc', () => {
  it('finds the UTC instant of a local wall time, across zones and DST', () => {
    expect(wallTimeToUtc({ year: 2027, month: 3, day: 1, hour: 14, minute: 0 }, 'Africa/Nairobi').toISOString()).toBe(
      '2027-03-01T11:00:00.000Z',
    );
    expect(wallTimeToUtc({ year: 2027, month: 7, day: 1, hour: 9, minute: 30 }, 'America/New_York').toISOString()).toBe(
      '2027-07-01T13:30:00.000Z',
    );
    expect(wallTimeToUtc({ year: 2027, month: 1, day: 1, hour: 9, minute: 30 }, 'America/New_York').toISOString()).toBe(
      '2027-01-01T14:30:00.000Z',
    );
  });
});
