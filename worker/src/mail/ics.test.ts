import ical, { type VEvent } from 'node-ical';
import { buildIcs, type CalendarInvite } from './ics.js';

const invite: CalendarInvite = {
  uid: 'registration-123e4567-e89b-12d3-a456-426614174000@convene',
  sequence: 2,
  method: 'REQUEST',
  start: new Date('2026-12-10T15:00:00Z'),
  durationMinutes: 90,
  title: 'Ateliers « régionaux » ; test, virgule — شكرا جزيلا لكم على التسجيل في هذه الندوة الإقليمية',
  description:
    'Rejoindre : https://meet.example.org/j/123?pwd=abc\nGérer : https://convene.example.org/manage/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd',
  url: 'https://meet.example.org/j/123?pwd=abc',
  organizer: { name: 'Convene', email: 'noreply@example.org' },
  attendee: { name: "Zoë O'Brien, مريم", email: 'zoe@example.org' },
};

function eventOf(text: string): VEvent {
  const event = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as VEvent | undefined;
  if (!event) throw new Error('no VEVENT');
  return event;
}

describe('buildIcs', () => {
  it('writes an event a calendar parser reads back field for field', () => {
    const event = eventOf(buildIcs(invite));
    expect(event.uid).toBe(invite.uid);
    expect(event.summary).toBe(invite.title);
    expect(event.description).toBe(invite.description);
    expect(event.start.toISOString()).toBe('2026-12-10T15:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-12-10T16:30:00.000Z');
    expect(Number(event.sequence)).toBe(2);
    expect(event.status).toBe('CONFIRMED');
    expect(event.url).toBe(invite.url);
    expect(event.location).toBe(invite.url);
    expect(event.organizer).toMatchObject({ params: { CN: 'Convene' }, val: 'mailto:noreply@example.org' });
    const attendee = (Array.isArray(event.attendee) ? event.attendee[0] : event.attendee) as unknown as {
      params: Record<string, string>;
      val: string;
    };
    expect(attendee.val).toBe('mailto:zoe@example.org');
    expect(attendee.params).toMatchObject({ CN: "Zoë O'Brien, مريم", PARTSTAT: 'ACCEPTED', RSVP: false });
  });

  it('ends every line with CRLF and folds past 75 octets, never inside a character', () => {
    const text = buildIcs(invite);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The long Arabic title was folded, and unfolds to itself.
    const summary = text.replace(/\r\n /g, '').match(/^SUMMARY:(.*)$/m)?.[1];
    expect(summary).toBe(
      'Ateliers « régionaux » \\; test\\, virgule — شكرا جزيلا لكم على التسجيل في هذه الندوة الإقليمية',
    );
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
  });

  it('writes a cancellation as METHOD:CANCEL with the event CANCELLED and no join link', () => {
    const text = buildIcs({ ...invite, method: 'CANCEL', sequence: 3, url: undefined, description: invite.title });
    expect(text).toContain('METHOD:CANCEL\r\n');
    const event = eventOf(text);
    expect(event.status).toBe('CANCELLED');
    expect(Number(event.sequence)).toBe(3);
    expect(event.url).toBeUndefined();
    expect(event.location).toBeUndefined();
  });

  it('caret-encodes a double quote in a name instead of ending the parameter (RFC 6868)', () => {
    const text = buildIcs({ ...invite, attendee: { name: 'Ana "Nana" Silva', email: 'ana@example.org' } });
    expect(text.replace(/\r\n /g, '')).toContain(`CN="Ana ^'Nana^' Silva":mailto:ana@example.org`);
  });
});
