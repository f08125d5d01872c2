import { describe, expect, it } from '@jest/globals';
import ical, { type VEvent } from 'node-ical';
import { buildConsultationsFeed, consultationUid } from './consultations-feed.js';
import type { ConsultationRow } from './consultation-views.js';

const row = (overrides: Partial<ConsultationRow> = {}): ConsultationRow => ({
  id: '7d1f6c1e-5b7a-4c43-9d2b-2f3c0b0f6a11',
  kind: 'regional',
  title: { en: 'Regional review; Africa, 2027', fr: 'Examen régional\u00a0: Afrique' },
  description: {},
  startsAt: new Date('2027-03-01T07:00:00Z'),
  endsAt: new Date('2027-03-02T15:00:00Z'),
  hostTimeZone: 'Africa/Addis_Ababa',
  online: true,
  place: 'UN Conference Centre, Addis Ababa',
  link: null,
  region: 'africa',
  themeSlug: null,
  status: 'scheduled',
  sequence: 2,
  createdBy: null,
  createdAt: new Date('2026-11-01T10:00:00Z'),
  updatedAt: new Date('2026-11-20T08:30:00Z'),
  ...overrides,
});

const options = { publicUrl: 'https://convene.example.org', language: 'en' as const };
const only = (text: string): VEvent =>
  Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as VEvent;

describe('buildConsultationsFeed', () => {
  it('derives the UID from the id and the public host', () => {
    expect(consultationUid(row().id, options.publicUrl)).toBe(`${row().id}@convene.example.org`);
  });

  it('writes SEQUENCE, DTSTAMP and LAST-MODIFIED from the last change, and UTC times', () => {
    const text = buildConsultationsFeed([row()], options);
    expect(text).toContain('SEQUENCE:2');
    expect(text).toContain('DTSTAMP:20261120T083000Z');
    expect(text).toContain('LAST-MODIFIED:20261120T083000Z');
    expect(text).toContain('DTSTART:20270301T070000Z');
    expect(text).toContain('METHOD:PUBLISH');
    const event = only(text);
    expect(event.summary).toBe('Regional review; Africa, 2027');
    expect(event.location).toBe('UN Conference Centre, Addis Ababa · Online');
    expect(event.url).toBe('https://convene.example.org/consultations');
  });

  it('is the same text for the same rows (calendar apps poll it)', () => {
    expect(buildConsultationsFeed([row()], options)).toBe(buildConsultationsFeed([row()], options));
  });

  it('marks a cancelled consultation CANCELLED and titles it in the feed language', () => {
    const event = only(buildConsultationsFeed([row({ status: 'cancelled' })], { ...options, language: 'fr' }));
    expect(event.status).toBe('CANCELLED');
    expect(event.summary).toBe('Examen régional\u00a0: Afrique');
  });

  it('gives a valid empty calendar when there is nothing to list', () => {
    const text = buildConsultationsFeed([], options);
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('X-WR-CALNAME:Consultation calendar');
    expect(text).not.toContain('BEGIN:VEVENT');
  });
});
