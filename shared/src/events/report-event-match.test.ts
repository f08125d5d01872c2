import { describe, expect, it } from '@jest/globals';
import type { TReportSubmittedEvent } from './index.js';
import { reportEventMatches } from './report-event-match.js';

const event: TReportSubmittedEvent = {
  reportId: '6a1f3c0e-7a51-4c8e-9d7e-2f0b8f1d3a11',
  region: 'africa',
  countries: ['SN', 'MA'],
  themes: ['human-rights-inclusion', 'irregular-migration-pathways'],
  language: 'fr',
  receivedAt: '2027-03-02T23:30:00.000Z',
  counts: { total: 1, byTheme: {}, region: 1 },
};

describe('reportEventMatches', () => {
  it('says yes when every filter is one the event answers and it matches them', () => {
    expect(reportEventMatches(event, {})).toBe('yes');
    expect(
      reportEventMatches(event, {
        theme: 'human-rights-inclusion',
        region: 'africa',
        country: 'MA',
        language: 'fr',
        status: 'new',
        from: '2027-03-02T00:00:00.000Z',
        to: '2027-03-03T00:00:00.000Z',
      }),
    ).toBe('yes');
  });

  it('says no as soon as one filter excludes it', () => {
    expect(reportEventMatches(event, { region: 'europe' })).toBe('no');
    expect(reportEventMatches(event, { theme: 'smuggling-trafficking' })).toBe('no');
    expect(reportEventMatches(event, { country: 'ML' })).toBe('no');
    expect(reportEventMatches(event, { language: 'en' })).toBe('no');
    expect(reportEventMatches(event, { status: 'included' })).toBe('no');
    expect(reportEventMatches(event, { from: '2027-03-03T00:00:00.000Z' })).toBe('no');
    expect(reportEventMatches(event, { to: '2027-03-02T23:00:00.000Z' })).toBe('no');
    // A word search that the event could not answer does not save a report from another region.
    expect(reportEventMatches(event, { region: 'asia', q: 'detention' })).toBe('no');
  });

  it('reads dates as whole UTC days, the end day included', () => {
    expect(reportEventMatches(event, { from: '2027-03-02', to: '2027-03-02' })).toBe('yes');
    expect(reportEventMatches(event, { to: '2027-03-01' })).toBe('no');
    expect(reportEventMatches(event, { from: '2027-03-03' })).toBe('no');
  });

  it('says maybe when a filter needs the text or the webinar, which the event leaves out', () => {
    expect(reportEventMatches(event, { q: 'detention', region: 'africa' })).toBe('maybe');
    expect(reportEventMatches(event, { webinar: 'orientation-2027' })).toBe('maybe');
  });
});
