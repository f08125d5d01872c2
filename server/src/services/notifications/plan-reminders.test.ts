import { describe, expect, it } from '@jest/globals';
import { planReminders } from './plan-reminders.js';
import type { WebinarRow } from './types.js';

const MIN = 60_000;
const now = new Date('2027-01-10T12:00:00Z');

function webinarStartingIn(minutes: number): WebinarRow {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    version: 3,
    startsAt: new Date(now.getTime() + minutes * MIN),
    reminderOffsetsMinutes: [7 * 24 * 60, 24 * 60, 60],
  } as WebinarRow;
}

const offsetsFor = (minutesAhead: number) =>
  planReminders(webinarStartingIn(minutesAhead), { id: 'reg-1', round: 1 }, now).map((r) => r.offsetMinutes);

describe('planReminders', () => {
  it('plans no reminder for someone registering 30 minutes before the start', () => {
    expect(offsetsFor(30)).toEqual([]);
  });

  it('plans only the 1-day and 1-hour reminders two days before the start', () => {
    expect(offsetsFor(2 * 24 * 60)).toEqual([24 * 60, 60]);
  });

  it('plans all three reminders ten days before the start', () => {
    expect(offsetsFor(10 * 24 * 60)).toEqual([7 * 24 * 60, 24 * 60, 60]);
  });

  it('skips a reminder whose time is exactly now and keeps one a minute ahead', () => {
    expect(offsetsFor(60)).toEqual([]);
    expect(offsetsFor(61)).toEqual([60]);
    expect(offsetsFor(24 * 60)).toEqual([60]);
    expect(offsetsFor(24 * 60 + 1)).toEqual([24 * 60, 60]);
    expect(offsetsFor(7 * 24 * 60)).toEqual([24 * 60, 60]);
    expect(offsetsFor(7 * 24 * 60 + 1)).toEqual([7 * 24 * 60, 24 * 60, 60]);
  });

  it('times each reminder from the start and keys it by registration, version and offset', () => {
    const [reminder] = planReminders(webinarStartingIn(2 * 24 * 60), { id: 'reg-1', round: 1 }, now);
    expect(reminder).toMatchObject({
      kind: 'reminder',
      webinarVersion: 3,
      dedupeKey: 'reminder:reg-1:v3:1440',
      scheduledAt: new Date('2027-01-11T12:00:00Z'),
    });
  });

  it('gives the reminders of a later round keys of their own', () => {
    const [reminder] = planReminders(webinarStartingIn(2 * 24 * 60), { id: 'reg-1', round: 2 }, now);
    expect(reminder!.dedupeKey).toBe('reminder:reg-1:v3:1440:r2');
  });
});
