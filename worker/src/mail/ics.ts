export type CalendarInvite = {
  /** Stable per registration, so updates and cancellations replace the same event. */
  uid: string;
  /** Grows with every change of the event (the webinar version). */
  sequence: number;
  /** PUBLISH for a downloaded file; REQUEST and CANCEL for the mails' scheduling messages. */
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  start: Date;
  durationMinutes: number;
  title: string;
  description: string;
  url?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

const CRLF = '\r\n';
/** RFC 5545 3.1: content lines are folded past 75 octets. */
const MAX_LINE_OCTETS = 75;

/**
 * An iCalendar (RFC 5545) event with UTC times, as a string.
 *
 * Written here rather than with the `ics` package: every confirmation, reminder and update
 * carries one, and `ics` validates each event twice with yup and folds lines grapheme by
 * grapheme — about a sixth of the API process's CPU under registration load in the embedded
 * default (registration_vs_echo). This event has a fixed shape, so it needs only escaping
 * (TEXT values, RFC 5545 3.3.11; parameter values, RFC 6868) and folding (3.1).
 */
export function buildIcs(invite: CalendarInvite): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'PRODID:-//Convene//Webinars//EN',
    `METHOD:${invite.method}`,
    'X-PUBLISHED-TTL:PT1H',
    'BEGIN:VEVENT',
    `UID:${text(invite.uid)}`,
    `SUMMARY:${text(invite.title)}`,
    `DTSTAMP:${utc(new Date())}`,
    `DTSTART:${utc(invite.start)}`,
    `SEQUENCE:${Math.trunc(invite.sequence)}`,
    `DESCRIPTION:${text(invite.description)}`,
    ...(invite.url ? [`URL:${invite.url}`, `LOCATION:${text(invite.url)}`] : []),
    `STATUS:${invite.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN=${param(invite.organizer.name)}:mailto:${invite.organizer.email}`,
    `ATTENDEE;RSVP=FALSE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=${param(invite.attendee.name)}:mailto:${invite.attendee.email}`,
    `DURATION:PT${Math.trunc(invite.durationMinutes)}M`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  let out = '';
  for (const line of lines) out += fold(line) + CRLF;
  return out;
}

/** A DATE-TIME in UTC form (3.3.5), to the second. */
function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A TEXT value (3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value: DQUOTE, caret and line breaks caret-encoded (RFC 6868). */
function param(value: string): string {
  return `"${value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n')}"`;
}

/** Folds a content line past 75 octets (CRLF + one space), never inside a UTF-8 sequence. */
function fold(line: string): string {
  // Every UTF-16 unit is at most 3 octets: a line this short needs no counting.
  if (line.length * 3 <= MAX_LINE_OCTETS) return line;
  let out = '';
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > MAX_LINE_OCTETS) {
      out += `${CRLF} `;
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}
